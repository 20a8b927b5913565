/* Credentials: who a process is, for shared-memory permissions. POSIX rules: uid 0 may
 * become anyone; anyone else may only set the effective id back to the real one. */
#include "errno.h"
#include "syscall.h"
#include "task.h"

#define INVALID_ID ((unsigned)-1)

long sys_getuid(void)
{
	return this_group()->uid;
}

long sys_geteuid(void)
{
	return this_group()->euid;
}

long sys_getgid(void)
{
	return this_group()->gid;
}

long sys_getegid(void)
{
	return this_group()->egid;
}

/* Set one kind of id (user or group) of g to id by POSIX's rule: root sets both the real
 * and the effective id; anyone else may only set the effective id to the real one. Under
 * task_lock, so that kill, on another hart, sees the ids before or after, never half set. */
static long set_id(const struct task_group_s *g, unsigned *real, unsigned *effective, unsigned id)
{
	if (id == INVALID_ID)
		return -EINVAL;
	long err = 0;
	spin_lock(&task_lock);
	if (g->euid == 0)
		*real = *effective = id;
	else if (id == *real)
		*effective = id;
	else
		err = -EPERM;
	spin_unlock(&task_lock);
	return err;
}

long sys_setuid(uid_t uid)
{
	struct task_group_s *g = this_group();
	return set_id(g, &g->uid, &g->euid, uid);
}

long sys_setgid(gid_t gid)
{
	struct task_group_s *g = this_group();
	return set_id(g, &g->gid, &g->egid, gid);
}
