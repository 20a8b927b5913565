/* getpwnam and getpwuid over a fixed table: root, daemon, bin and nobody, with Debian's ids. */
#include <pwd.h>
#include <stddef.h>
#include <string.h>

static const struct {
	const char *name;
	uid_t uid;
	gid_t gid;
} users[] = {
	{ "root", 0, 0 },
	{ "daemon", 1, 1 },
	{ "bin", 2, 2 },
	{ "nobody", 65534, 65534 },
};

/* users[i] as a struct passwd, in the one buffer every call fills. */
static struct passwd *entry(size_t i)
{
	static struct passwd pw;
	pw = (struct passwd){ (char *)users[i].name, "x", users[i].uid, users[i].gid,
			      (char *)users[i].name, "/", "/bin/sh" };
	return &pw;
}

struct passwd *getpwnam(const char *name)
{
	for (size_t i = 0; i < sizeof(users) / sizeof(users[0]); i++)
		if (strcmp(users[i].name, name) == 0)
			return entry(i);
	return NULL;
}

struct passwd *getpwuid(uid_t uid)
{
	for (size_t i = 0; i < sizeof(users) / sizeof(users[0]); i++)
		if (users[i].uid == uid)
			return entry(i);
	return NULL;
}
