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

long sys_setuid(uid_t uid)
{
	struct task_group_s *t = this_task();
	if (uid == INVALID_ID)
		return -EINVAL;
	if (t->euid == 0)
		t->uid = t->euid = uid;
	else if (uid == t->uid)
		t->euid = uid;
	else
		return -EPERM;
	return 0;
}

long sys_setgid(gid_t gid)
{
	struct task_group_s *t = this_task();
	if (gid == INVALID_ID)
		return -EINVAL;
	if (t->euid == 0)
		t->gid = t->egid = gid;
	else if (gid == t->gid)
		t->egid = gid;
	else
		return -EPERM;
	return 0;
}
