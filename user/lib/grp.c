/* getgrnam and getgrgid over a fixed table: root, daemon, bin and nogroup, with Debian's ids. */
#include <grp.h>
#include <stddef.h>
#include <string.h>

static const struct {
	const char *name;
	gid_t gid;
} groups[] = {
	{ "root", 0 },
	{ "daemon", 1 },
	{ "bin", 2 },
	{ "nogroup", 65534 },
};

/* groups[i] as a struct group, in the one buffer every call fills. */
static struct group *entry(size_t i)
{
	static char *no_members[] = { NULL };
	static struct group gr;
	gr = (struct group){ (char *)groups[i].name, "x", groups[i].gid, no_members };
	return &gr;
}

struct group *getgrnam(const char *name)
{
	for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
		if (strcmp(groups[i].name, name) == 0)
			return entry(i);
	return NULL;
}

struct group *getgrgid(gid_t gid)
{
	for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
		if (groups[i].gid == gid)
			return entry(i);
	return NULL;
}
