/* <stdio.h>: stdin at end-of-file (gets and getline too), character output, buffering calls,
 * dprintf, asprintf and sscanf. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "expect_str.h"
#include "utest.h"

TEST(reading_stdin_meets_end_of_file_at_once)
{
	char buf[16] = "untouched";
	EXPECT_EQ(getchar(), EOF);
	EXPECT_EQ(getc(stdin), EOF);
	EXPECT_EQ(fgetc(stdin), EOF);
	EXPECT(fgets(buf, sizeof(buf), stdin) == NULL);
	EXPECT_STR(buf, "untouched");
	int n = 5;
	EXPECT_EQ(scanf("%d", &n), EOF);
	EXPECT_EQ(n, 5);
}

TEST(fputc_putc_and_fputs_write_and_return_the_character)
{
	EXPECT_EQ(fputc('c', stdout), 'c');
	EXPECT_EQ(putc('\n', stdout), '\n');
	EXPECT_EQ(putchar(0x141), 'A'); /* the value is converted to unsigned char */
	EXPECT_EQ(putchar('\n'), '\n');
	EXPECT_EQ(fputs("stdio: fputs line\n", stdout), 0);
}

TEST(setvbuf_refuses_an_unknown_mode)
{
	EXPECT_EQ(setvbuf(stdout, NULL, 42, 0), EOF);
	EXPECT_EQ(setvbuf(stdout, NULL, _IOLBF, 0), 0);
	EXPECT_EQ(BUFSIZ, 8192);
}

/* Run child in a child process and wait for it. Returns its exit status. */
static int in_child(void (*child)(void))
{
	pid_t pid = fork();
	if (pid == 0)
		child();
	int status = -1;
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void print_then_exit(void)
{
	setvbuf(stdout, NULL, _IOFBF, 0);
	printf("stdio: held in a full buffer until exit\n");
	exit(0);
}

static void print_then_underscore_exit(void)
{
	setvbuf(stdout, NULL, _IOFBF, 0);
	printf("stdio: held in a full buffer and lost by _exit\n");
	_exit(0);
}

static void print_then_underscore_capital_exit(void)
{
	static char buf[BUFSIZ];
	setbuf(stdout, buf);
	printf("stdio: held in a full buffer and lost by _Exit\n");
	_Exit(0);
}

/* The expect file checks the console for the first line and against the other two. */
TEST(exit_writes_out_held_output_but_underscore_exit_loses_it)
{
	EXPECT_EQ(in_child(print_then_exit), 0);
	EXPECT_EQ(in_child(print_then_underscore_exit), 0);
	EXPECT_EQ(in_child(print_then_underscore_capital_exit), 0);
}

static void finish_the_line(void)
{
	printf("child\n");
	exit(0);
}

/* Line buffered: the start of a line waits for its end, so parent and child each write it. */
TEST(stdout_holds_a_line_until_its_newline)
{
	printf("stdio: line begun before fork, ended by the ");
	EXPECT_EQ(in_child(finish_the_line), 0);
	printf("parent\n");
}

TEST(dprintf_writes_to_a_descriptor_and_reports_write_errors)
{
	EXPECT_EQ(dprintf(STDOUT_FILENO, "stdio: dprintf %d\n", 7), 17);
	EXPECT_ERRNO(dprintf(9, "x"), EBADF);
	EXPECT_ERRNO(fputc('x', stdin), EBADF);
}

TEST(sscanf_reads_integers_words_and_characters)
{
	int d = 0, x = 0, n = 0;
	long l = 0;
	unsigned u = 0;
	char word[16], c = 0;
	const char *s = "  -12 0x1f 99999999999 42 shm_key Z";
	EXPECT_EQ(sscanf(s, "%d %x %ld %u %15s %c%n", &d, &x, &l, &u, word, &c, &n), 6);
	EXPECT_EQ(d, -12);
	EXPECT_EQ(x, 31);
	EXPECT_EQ(l, 99999999999L);
	EXPECT_EQ(u, 42);
	EXPECT_STR(word, "shm_key");
	EXPECT_EQ(c, 'Z');
	EXPECT_EQ(n, strlen(s));
}

TEST(sscanf_matches_literals_widths_and_suppression)
{
	int a = 0, b = 0, i = 0;
	char two[3] = "";
	EXPECT_EQ(sscanf("key=12345", "key=%3d%d", &a, &b), 2);
	EXPECT_EQ(a, 123);
	EXPECT_EQ(b, 45);
	EXPECT_EQ(sscanf("1:2", "%*d:%d", &a), 1);
	EXPECT_EQ(a, 2);
	EXPECT_EQ(sscanf("abcd", "%2c", two), 1);
	EXPECT(two[0] == 'a' && two[1] == 'b');
	EXPECT_EQ(sscanf("010 50%", "%i %d%%", &i, &a), 2);
	EXPECT_EQ(i, 8);
}

TEST(sscanf_counts_only_what_matched_and_eof_when_empty)
{
	int a = -1, b = -1;
	EXPECT_EQ(sscanf("7 x", "%d %d", &a, &b), 1);
	EXPECT_EQ(a, 7);
	EXPECT_EQ(b, -1);
	EXPECT_EQ(sscanf("x", "%d", &a), 0);
	EXPECT_EQ(sscanf("", "%d", &a), EOF);
	EXPECT_EQ(sscanf("   ", "%d", &a), EOF);
	EXPECT_EQ(sscanf("a", "b%d", &a), 0);
}

TEST(sscanf_reads_floats_doubles_and_long_doubles)
{
	float f = 0, g = 0;
	double d = 0, e = 0;
	long double ld = 0;
	EXPECT_EQ(sscanf("1.5 -2.25e1 0x1p-2 0.375 inf", "%f %lf %la %Lg %e", &f, &d, &e, &ld, &g),
		  5);
	EXPECT(f == 1.5f && d == -22.5 && e == 0.25 && ld == 0.375L);
	EXPECT(g == __builtin_inff());
	EXPECT_EQ(sscanf("0.1", "%f", &f), 1);
	EXPECT(f == 0.1f); /* rounded once, as strtof rounds */
	EXPECT_EQ(sscanf("x", "%lf", &d), 0);
	EXPECT_EQ(sscanf("  ", "%lf", &d), EOF);
}

TEST(sscanf_takes_a_float_field_as_glibc_does)
{
	double d = 0;
	int n = 0;
	char rest[8] = "";
	EXPECT_EQ(sscanf("100ergs", "%lf%n%7s", &d, &n, rest), 2); /* the e is taken, and lost */
	EXPECT(d == 100 && n == 4);
	EXPECT_STR(rest, "rgs");
	EXPECT_EQ(sscanf("1.2.3", "%lf%n", &d, &n), 1);
	EXPECT(d == 1.2 && n == 3);
	EXPECT_EQ(sscanf("12345", "%3lf%lf", &d, &d), 2);
	EXPECT(d == 45);
	EXPECT_EQ(sscanf("-1e10", "%4lf", &d), 1);
	EXPECT(d == -10);
	EXPECT_EQ(sscanf("infinity!", "%lf%n", &d, &n), 1);
	EXPECT_EQ(n, 8);
	EXPECT_EQ(sscanf("infin", "%lf", &d), 0);
	EXPECT_EQ(sscanf("0x", "%lf", &d), 0);
	EXPECT_EQ(sscanf("0x1.8p1x", "%lf%n", &d, &n), 1);
	EXPECT(d == 3 && n == 7);
}

TEST(sscanf_scan_sets_take_ranges_negations_and_widths)
{
	char a[16] = "", b[16] = "";
	EXPECT_EQ(sscanf("key: some value\n", "%[^:]: %[^\n]", a, b), 2);
	EXPECT_STR(a, "key");
	EXPECT_STR(b, "some value");
	EXPECT_EQ(sscanf("hello world", "%4[a-z]%s", a, b), 2);
	EXPECT_STR(a, "hell");
	EXPECT_STR(b, "o");
	EXPECT_EQ(sscanf("abc]def-x", "%[]a-c]%[^-]", a, b), 2);
	EXPECT_STR(a, "abc]");
	EXPECT_STR(b, "def");
	EXPECT_EQ(sscanf("a-b", "%[-a]", a), 1);
	EXPECT_STR(a, "a-");
	EXPECT_EQ(sscanf("  x", "%[ x]", a), 1); /* a scan set skips no white space */
	EXPECT_STR(a, "  x");
}

TEST(sscanf_scan_set_needs_a_character_and_can_be_suppressed)
{
	char a[16] = "untouched";
	EXPECT_EQ(sscanf("b", "%[a]", a), 0);
	EXPECT_EQ(sscanf("", "%[a]", a), EOF);
	EXPECT_STR(a, "untouched");
	EXPECT_EQ(sscanf("12abc", "%*[0-9]%s", a), 1);
	EXPECT_STR(a, "abc");
}

TEST(sscanf_s_needs_a_character_and_c_takes_what_is_left)
{
	char a[8] = "", b[8] = "none", c[4] = "";
	EXPECT_EQ(sscanf("a ", "%s %s", a, b), 1);
	EXPECT_STR(b, "none");
	EXPECT_EQ(sscanf("b", "%3c", c), 1); /* fewer than the width: glibc takes them */
	EXPECT_EQ(c[0], 'b');
}

/* The expect file checks the line. */
TEST(fwrite_writes_whole_items_and_counts_them)
{
	EXPECT_EQ(fwrite("stdio: fwrite line\n", 1, 19, stdout), 19);
	static const int items[3] = { 1, 2, 3 };
	EXPECT_EQ(fwrite(items, sizeof(int), 0, stdout), 0);
	EXPECT_EQ(fwrite(items, 0, 3, stdout), 0);
	errno = 0;
	EXPECT_EQ(fwrite(items, sizeof(int), 3, stdin), 0);
	EXPECT_EQ(errno, EBADF);
}

TEST(sscanf_reads_a_numeral_hundreds_of_digits_long)
{
	char text[320] = "0.";
	for (int i = 0; i < 300; i++)
		strcat(text, "3");
	strcat(text, "e1 x");
	double d = 0;
	int n = 0;
	EXPECT_EQ(sscanf(text, "%lf%n", &d, &n), 1);
	EXPECT(d == 10.0 / 3);
	EXPECT_EQ(n, 304);
	EXPECT_EQ(sscanf(text, "%200lf", &d), 1);
	EXPECT(d == 1.0 / 3);
}

TEST(sscanf_integer_width_may_exceed_any_buffer)
{
	char text[80];
	memset(text, '0', 66);
	strcpy(text + 66, "1111 5");
	long a = -1, b = -1;
	int n = 0;
	EXPECT_EQ(sscanf(text, "%100ld%n %ld", &a, &n, &b), 2);
	EXPECT_EQ(a, 1111);
	EXPECT_EQ(n, 70);
	EXPECT_EQ(b, 5);
}

TEST(sscanf_percent_percent_skips_white_space_first)
{
	int a = 0;
	EXPECT_EQ(sscanf(" %5", "%%%d", &a), 1);
	EXPECT_EQ(a, 5);
}

TEST(sscanf_scan_set_at_the_end_of_the_format_is_no_conversion)
{
	char buf[8] = "x";
	/* The format ends at the end of the heap's last page: a read past it faults. */
	char *brk = sbrk(0);
	long grow = (long)(-(unsigned long)brk & 4095) + 4096;
	char *end = (char *)sbrk(grow) + grow, *fmt = end - 4;
	memcpy(fmt, "%[a", 4);
	EXPECT_EQ(sscanf("aa", fmt, buf), 0);
	EXPECT_STR(buf, "x");
	sbrk(-grow);
}

TEST(gets_meets_end_of_file_and_returns_null)
{
	char buf[16] = "untouched";
	EXPECT(gets(buf) == NULL);
	EXPECT_STR(buf, "untouched");
}

TEST(getline_and_getdelim_on_stdin_meet_end_of_file)
{
	char *line = NULL;
	size_t n = 0;
	errno = 0;
	EXPECT_EQ(getline(&line, &n, stdin), -1);
	EXPECT_EQ(getdelim(&line, &n, ';', stdin), -1);
	EXPECT_EQ(errno, 0);
	free(line);
}

TEST(getline_on_an_output_stream_is_ebadf)
{
	char *line = NULL;
	size_t n = 0;
	EXPECT_ERRNO(getline(&line, &n, stdout), EBADF);
	EXPECT_ERRNO(getdelim(&line, &n, '\n', stderr), EBADF);
	free(line);
}

TEST(getline_without_a_place_for_the_line_is_einval)
{
	size_t n = 0;
	char *line = NULL;
	EXPECT_ERRNO(getline(NULL, &n, stdin), EINVAL);
	EXPECT_ERRNO(getline(&line, NULL, stdin), EINVAL);
}

TEST(asprintf_allocates_just_the_string_it_prints)
{
	char *s = NULL;
	EXPECT_EQ(asprintf(&s, "%s-%d-%.2f", "key", 42, 2.5), 11);
	EXPECT_STR(s, "key-42-2.50");
	free(s);
	EXPECT_EQ(asprintf(&s, "%s", ""), 0);
	EXPECT_STR(s, "");
	free(s);
}

static int call_vasprintf(char **s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vasprintf(s, fmt, ap);
	va_end(ap);
	return n;
}

TEST(vasprintf_prints_a_string_longer_than_any_buffer_of_stdio)
{
	char *s = NULL;
	EXPECT_EQ(call_vasprintf(&s, "%5000d|%x", 7, 255u), 5003);
	EXPECT(s != NULL && s[4999] == '7' && strcmp(s + 5000, "|ff") == 0);
	free(s);
}
