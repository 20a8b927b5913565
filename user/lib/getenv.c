/* getenv: programs here start without an environment, so no variable is ever set. */
#include <stdlib.h>

char *getenv(const char *name)
{
	(void)name;
	return NULL;
}
