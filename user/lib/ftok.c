/* ftok: a System V key from a path and a project id. There is no file system, so instead of
 * the file's inode the path's characters are hashed (FNV-1a); the low 8 bits of id go on
 * top, as glibc puts them. The same path and id always give the same key. */
#include <sys/ipc.h>

key_t ftok(const char *path, int id)
{
	if (!path)
		return (key_t)-1;
	unsigned h = 2166136261u;
	for (const char *p = path; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	return (key_t)(((unsigned)(id & 0xff) << 24) | (h & 0xffffff));
}
