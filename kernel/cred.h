/*
 * Credentials: who a process is, as Linux's struct cred has it. Each kind of id, user and
 * group, comes three times: the real id (who started it), the effective id (whom it acts
 * as: permission checks use it) and the saved id (an id it may take back). Supplementary
 * groups count in permission checks as the effective group does.
 *
 * A process's credentials change under task_lock, so that another process, on another hart
 * (kill, prlimit), sees them before or after a change, never half made. A process reads its
 * own without the lock: its ids change only by its own system calls.
 */
#pragma once

#include <sys/types.h>

#include "linux/limits.h"

struct cred_s {
	uid_t uid, euid, suid; /* real, effective and saved user id */
	gid_t gid, egid, sgid; /* real, effective and saved group id */
	int ngroups;           /* supplementary groups, in groups[] in ascending order */
	gid_t groups[NGROUPS_MAX];
};

/* Is gid c's effective group, or one of its supplementary groups? (Linux's in_group_p.) */
static inline int cred_in_group(const struct cred_s *c, gid_t gid)
{
	if (gid == c->egid)
		return 1;
	for (int i = 0; i < c->ngroups; i++)
		if (c->groups[i] == gid)
			return 1;
	return 0;
}
