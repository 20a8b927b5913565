/* The password database. There are no files to read it from: it is a fixed table of the users
 * a Debian system starts with and test programs name (user/lib/pwd.c). */
#pragma once

#include <sys/types.h>

struct passwd {
	char *pw_name;
	char *pw_passwd; /* "x": the password would be in a shadow file */
	uid_t pw_uid;
	gid_t pw_gid;
	char *pw_gecos;
	char *pw_dir;   /* "/" for all */
	char *pw_shell; /* "/bin/sh" for all */
};

/* The entry for a user, in storage the next call overwrites; NULL if there is none, with
 * errno as it was (as glibc leaves it for a name it does not know). */
struct passwd *getpwnam(const char *name);
struct passwd *getpwuid(uid_t uid);
