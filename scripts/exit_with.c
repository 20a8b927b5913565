/*
 * $(exit-with N): a GNU make function that ends make with exit status N.
 *
 * On its own, make exits 0, 1 or 2, whatever its recipes return. `make run` loads this (a
 * host shared object; see "load" in the GNU make manual) so that it can exit with the exact
 * status of the programs it booted: 3 for exit(3), 139 for a SIGSEGV.
 */
#include <gnumake.h>
#include <stdio.h>
#include <stdlib.h>

/* GNU make loads only objects that declare this; the file is in the public domain. */
int plugin_is_GPL_compatible;

/* Exit make now with the status in argv[0] (0-255); other text exits 2, as a make error. */
static char *exit_with(const char *name, unsigned int argc, char **argv)
{
	char *end;
	long status = strtol(argv[0], &end, 10);

	(void)name;
	(void)argc;
	if (end == argv[0] || *end != '\0' || status < 0 || status > 255)
		status = 2;
	fflush(stdout);
	exit((int)status);
}

/* Called by make's `load`: registers $(exit-with N). Returns 1 (loaded). */
int exit_with_gmk_setup(const gmk_floc *floc)
{
	(void)floc;
	gmk_add_function("exit-with", exit_with, 1, 1, GMK_FUNC_DEFAULT);
	return 1;
}
