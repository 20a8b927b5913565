/* POSIX getopt: options are read from argv[1] on up to the first argument that is not one
 * ("-" alone is an operand), or up to "--", which is skipped. Unlike glibc's default, argv is
 * never reordered: what follows the first operand is left for the program, as POSIX has it. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1, opterr = 1, optopt;

/* Where in argv[optind] the next option letter is: 0 when getopt has yet to start on it. */
static int pos;

int getopt(int argc, char *const argv[], const char *optstring)
{
	int quiet = optstring[0] == ':'; /* the caller reports errors, and tells ':' from '?' */
	optarg = NULL;
	if (optind == 0) { /* as with glibc, a request to start again */
		optind = 1;
		pos = 0;
	}
	if (pos == 0) {
		if (optind >= argc || argv[optind][0] != '-' || argv[optind][1] == '\0')
			return -1;
		if (strcmp(argv[optind], "--") == 0) {
			optind++;
			return -1;
		}
		pos = 1;
	}
	const char *arg = argv[optind];
	int c = (unsigned char)arg[pos++];
	const char *spec = c == ':' ? NULL : strchr(optstring + quiet, c);
	if (arg[pos] == '\0') {
		optind++;
		pos = 0;
	}
	if (spec == NULL) {
		optopt = c;
		if (opterr && !quiet)
			fprintf(stderr, "%s: invalid option -- '%c'\n", argv[0], c);
		return '?';
	}
	if (spec[1] != ':')
		return c;
	if (pos != 0) { /* the rest of this argument is the option's */
		optarg = (char *)arg + pos;
		optind++;
		pos = 0;
	} else if (optind < argc) {
		optarg = argv[optind++];
	} else {
		optopt = c;
		if (quiet)
			return ':';
		if (opterr)
			fprintf(stderr, "%s: option requires an argument -- '%c'\n", argv[0], c);
		return '?';
	}
	return c;
}
