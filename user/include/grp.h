/* The group database, a fixed table as the password database is (user/lib/grp.c); and the
 * supplementary groups of the calling process. */
#pragma once

#include <stddef.h>
#include <sys/types.h>

struct group {
	char *gr_name;
	char *gr_passwd; /* "x" */
	gid_t gr_gid;
	char **gr_mem; /* the users who have it as a supplementary group: none */
};

/* The entry for a group, in storage the next call overwrites; NULL if there is none. */
struct group *getgrnam(const char *name);
struct group *getgrgid(gid_t gid);

/* Root only: make the n groups at list the supplementary groups of the calling process (at
 * most NGROUPS_MAX, from <limits.h>). They take part in permission checks, as on Linux. */
int setgroups(size_t n, const gid_t *list);
