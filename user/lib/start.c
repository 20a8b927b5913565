/* What runs between the kernel's start of a program and its main: crt0 (user/lib/crt0.S) calls
 * __libc_start with main's arguments. */
#define _GNU_SOURCE /* for program_invocation_name's declaration */
#include <errno.h>
#include <string.h>

#include "thread.h"

/* The program's name as glibc keeps it: argv[0], and argv[0] after its last '/', the name
 * assert's message begins with. */
char *program_invocation_name;
char *program_invocation_short_name;

int main(int argc, char **argv, char **envp);

/* Set up the first thread, name the program after argv[0], and run main. Returns what main returns,
 * which crt0 passes to exit. */
int __libc_start(int argc, char **argv, char **envp)
{
	__pthread_init(); /* first: errno lives in the thread's record */
	char *slash = strrchr(argv[0], '/');
	program_invocation_name = argv[0];
	program_invocation_short_name = slash ? slash + 1 : argv[0];
	return main(argc, argv, envp);
}
