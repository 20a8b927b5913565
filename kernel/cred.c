/* Credentials: who a process is, for shared-memory permissions. POSIX rules: uid 0 may
 * become anyone; anyone else may only set the effective id back to the real one. */
#include "errno.h"
#include "syscall.h"
#include "task.h"

#define INVALID_ID ((unsigned)-1)

long sys_getuid(void)
{
	return this_task()->uid;
}

long sys_geteuid(void)
{
	return this_task()->euid;
}

long sys_getgid(void)
{
	return this_task()->gid;
}

long sys_getegid(void)
{
	return this_task()->egid;
}

/* Set one kind of id (user or group) of t to id by POSIX's rule: root sets both the real
 * and the effective id; anyone else may only set the effective id to the real one. */
static long set_id(const struct task_group_s *t, unsigned *real, unsigned *effective, unsigned id)
{
	if (id == INVALID_ID)
		return -EINVAL;
	if (t->euid == 0)
		*real = *effective = id;
	else if (id == *real)
		*effective = id;
	else
		return -EPERM;
	return 0;
}

long sys_setuid(uid_t uid)
{
	struct task_group_s *t = this_task();
	return set_id(t, &t->uid, &t->euid, uid);
}

long sys_setgid(gid_t gid)
{
	struct task_group_s *t = this_task();
	return set_id(t, &t->gid, &t->egid, gid);
}
