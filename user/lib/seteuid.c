/* seteuid and setegid, built as glibc builds them on setresuid and setresgid: only the
 * effective id changes, and (uid_t)-1, which would leave it unchanged there, is EINVAL. */
#define _GNU_SOURCE
#include <errno.h>
#include <unistd.h>

int seteuid(uid_t euid)
{
	if (euid == (uid_t)-1) {
		errno = EINVAL;
		return -1;
	}
	return setresuid((uid_t)-1, euid, (uid_t)-1);
}

int setegid(gid_t egid)
{
	if (egid == (gid_t)-1) {
		errno = EINVAL;
		return -1;
	}
	return setresgid((gid_t)-1, egid, (gid_t)-1);
}
