/* <string.h>, <strings.h> and <ctype.h>: tokens, spans, copies, case, and messages. */
#define _GNU_SOURCE /* memrchr */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "expect_str.h"
#include "utest.h"

TEST(strtok_splits_on_any_run_of_delimiters)
{
	char s[] = "  one,,two three,";
	EXPECT_STR(strtok(s, " ,"), "one");
	EXPECT_STR(strtok(NULL, " ,"), "two");
	EXPECT_STR(strtok(NULL, " ,"), "three");
	EXPECT(strtok(NULL, " ,") == NULL);
	EXPECT(strtok(NULL, " ,") == NULL);
	char only[] = ",,,";
	EXPECT(strtok(only, ",") == NULL);
}

TEST(strtok_r_keeps_two_strings_apart)
{
	char a[] = "a b", b[] = "1:2", *sa, *sb;
	EXPECT_STR(strtok_r(a, " ", &sa), "a");
	EXPECT_STR(strtok_r(b, ":", &sb), "1");
	EXPECT_STR(strtok_r(NULL, " ", &sa), "b");
	EXPECT_STR(strtok_r(NULL, ":", &sb), "2");
	EXPECT(strtok_r(NULL, " ", &sa) == NULL);
}

TEST(strspn_strcspn_strpbrk_measure_spans)
{
	EXPECT_EQ(strspn("aabbc", "ab"), 4);
	EXPECT_EQ(strspn("xyz", "ab"), 0);
	EXPECT_EQ(strcspn("hello, world", ", "), 5);
	EXPECT_EQ(strcspn("hello", ""), 5);
	EXPECT_STR(strpbrk("key=value", "=:"), "=value");
	EXPECT(strpbrk("abc", "xyz") == NULL);
}

TEST(strstr_and_strncat_work)
{
	EXPECT_STR(strstr("shared memory", "mem"), "memory");
	EXPECT(strstr("abc", "abd") == NULL);
	char buf[16] = "shm";
	EXPECT_STR(strncat(buf, "_server", 4), "shm_ser");
}

TEST(strcasecmp_ignores_case)
{
	EXPECT_EQ(strcasecmp("Hello", "hELLO"), 0);
	EXPECT(strcasecmp("apple", "Banana") < 0);
	EXPECT(strcasecmp("b", "A") > 0);
	EXPECT(strcasecmp("abc", "ab") > 0);
	EXPECT_EQ(strncasecmp("QUITnow", "quit", 4), 0);
	EXPECT(strncasecmp("quit", "quiz", 4) < 0);
}

TEST(strerror_has_linux_texts_for_the_new_errnos)
{
	EXPECT_EQ(EWOULDBLOCK, EAGAIN);
	EXPECT_EQ(ENOTDIR, 20);
	EXPECT_EQ(ENFILE, 23);
	EXPECT_EQ(ENOTTY, 25);
	EXPECT_EQ(EPIPE, 32);
	EXPECT_EQ(EDOM, 33);
	EXPECT_EQ(EOVERFLOW, 75);
	EXPECT_STR(strerror(EOVERFLOW), "Value too large for defined data type");
	EXPECT_STR(strerror(EPIPE), "Broken pipe");
	EXPECT_STR(strerror(EDOM), "Numerical argument out of domain");
	EXPECT_STR(strerror(ENOTTY), "Inappropriate ioctl for device");
	EXPECT_STR(strerror(ENFILE), "Too many open files in system");
	EXPECT_STR(strerror(ENOTDIR), "Not a directory");
	EXPECT_STR(strerror(9999), "Unknown error 9999");
}

TEST(errno_h_has_every_linux_errno_with_its_riscv_value)
{
	EXPECT_EQ(ENXIO, 6);
	EXPECT_EQ(ENOTBLK, 15);
	EXPECT_EQ(ERANGE, 34);
	EXPECT_EQ(EDEADLK, 35);
	EXPECT_EQ(ELOOP, 40);
	EXPECT_EQ(ENOMSG, 42);
	EXPECT_EQ(EBFONT, 59);
	EXPECT_EQ(ENOTSOCK, 88);
	EXPECT_EQ(EOPNOTSUPP, 95);
	EXPECT_EQ(ETIMEDOUT, 110);
	EXPECT_EQ(ECANCELED, 125);
	EXPECT_EQ(EHWPOISON, 133);
}

TEST(errno_aliases_name_the_same_number)
{
	EXPECT_EQ(EWOULDBLOCK, EAGAIN);
	EXPECT_EQ(EDEADLOCK, EDEADLK);
	EXPECT_EQ(ENOTSUP, EOPNOTSUPP);
}

TEST(strerror_has_glibcs_text_for_every_errno)
{
	EXPECT_STR(strerror(0), "Success");
	EXPECT_STR(strerror(ENXIO), "No such device or address");
	EXPECT_STR(strerror(EDEADLOCK), "Resource deadlock avoided");
	EXPECT_STR(strerror(ENOSYS), "Function not implemented");
	EXPECT_STR(strerror(ENOMSG), "No message of desired type");
	EXPECT_STR(strerror(ELIBSCN), ".lib section in a.out corrupted");
	EXPECT_STR(strerror(ENOTSUP), "Operation not supported");
	EXPECT_STR(strerror(ETOOMANYREFS), "Too many references: cannot splice");
	EXPECT_STR(strerror(ECANCELED), "Operation canceled");
	EXPECT_STR(strerror(ERFKILL), "Operation not possible due to RF-kill");
	EXPECT_STR(strerror(EHWPOISON), "Memory page has hardware error");
	for (int e = 1; e <= 133; e++)
		if (e != 41 && e != 58)
			EXPECT(strncmp(strerror(e), "Unknown error", 13) != 0);
}

TEST(strerror_of_a_number_linux_leaves_unused_is_unknown_error_n)
{
	EXPECT_STR(strerror(41), "Unknown error 41");
	EXPECT_STR(strerror(58), "Unknown error 58");
	EXPECT_STR(strerror(134), "Unknown error 134");
	EXPECT_STR(strerror(-1), "Unknown error -1");
}

/* The expect file checks the line. */
TEST(perror_prints_its_prefix_and_strerror_text)
{
	errno = EHWPOISON;
	perror("string: perror");
}

TEST(strsignal_describes_signals_as_glibc_does)
{
	EXPECT_STR(strsignal(SIGSEGV), "Segmentation fault");
	EXPECT_STR(strsignal(SIGKILL), "Killed");
	EXPECT_STR(strsignal(SIGCHLD), "Child exited");
	EXPECT_STR(strsignal(SIGSTKFLT), "Stack fault");
	EXPECT_STR(strsignal(SIGSTOP), "Stopped (signal)");
	EXPECT_STR(strsignal(SIGTTOU), "Stopped (tty output)");
	EXPECT_STR(strsignal(SIGSYS), "Bad system call");
	EXPECT_STR(strsignal(32), "Unknown signal 32");
	EXPECT_STR(strsignal(34), "Real-time signal 0");
	EXPECT_STR(strsignal(64), "Real-time signal 30");
	EXPECT_STR(strsignal(99), "Unknown signal 99");
}

TEST(ctype_classifies_ascii)
{
	EXPECT(isdigit('7') && !isdigit('a'));
	EXPECT(isxdigit('f') && isxdigit('F') && isxdigit('9') && !isxdigit('g'));
	EXPECT(isalpha('q') && isalpha('Q') && !isalpha('1'));
	EXPECT(isalnum('z') && isalnum('0') && !isalnum('_'));
	EXPECT(isspace(' ') && isspace('\n') && isspace('\t') && isspace('\v') && !isspace('x'));
	EXPECT(isupper('A') && !isupper('a') && islower('a') && !islower('A'));
	EXPECT(isprint(' ') && isprint('~') && !isprint('\n') && !isprint(0x7f));
	EXPECT(ispunct('!') && ispunct('_') && !ispunct(' ') && !ispunct('a'));
	EXPECT(iscntrl('\0') && iscntrl(0x7f) && !iscntrl(' '));
}

TEST(ctype_puts_eof_and_high_bytes_in_no_class)
{
	EXPECT(!isalpha(EOF) && !isspace(EOF) && !isprint(EOF) && !iscntrl(EOF));
	EXPECT(!isalpha(0xe9) && !isprint(0xe9) && !ispunct(0xe9));
	EXPECT_EQ(toupper(EOF), EOF);
}

TEST(toupper_and_tolower_change_only_letters)
{
	EXPECT_EQ(toupper('a'), 'A');
	EXPECT_EQ(toupper('Z'), 'Z');
	EXPECT_EQ(toupper('1'), '1');
	EXPECT_EQ(tolower('Q'), 'q');
	EXPECT_EQ(tolower('['), '[');
}

TEST(strndup_copies_at_most_n_characters)
{
	char *s = strndup("shared", 3);
	EXPECT_STR(s, "sha");
	free(s);
	s = strndup("shm", 10);
	EXPECT_STR(s, "shm");
	free(s);
	EXPECT_EQ(strnlen("shared", 3), 3);
	EXPECT_EQ(strnlen("shm", 10), 3);
}

TEST(strsep_makes_an_empty_token_between_two_delimiters)
{
	char line[] = "a,,b:c", *rest = line;
	EXPECT_STR(strsep(&rest, ",:"), "a");
	EXPECT_STR(strsep(&rest, ",:"), "");
	EXPECT_STR(strsep(&rest, ",:"), "b");
	EXPECT_STR(strsep(&rest, ",:"), "c");
	EXPECT(rest == NULL);
	EXPECT(strsep(&rest, ",:") == NULL);
}

TEST(memrchr_finds_the_last_such_byte)
{
	const char s[] = "a/b/c";
	EXPECT(memrchr(s, '/', 5) == s + 3);
	EXPECT(memrchr(s, '/', 3) == s + 1);
	EXPECT(memrchr(s, 'x', 5) == NULL);
	EXPECT(memrchr(s, 'a', 0) == NULL);
}

TEST(bzero_index_and_rindex_are_memset_strchr_and_strrchr)
{
	char buf[4] = "abc";
	bzero(buf, 2);
	EXPECT(buf[0] == 0 && buf[1] == 0 && buf[2] == 'c');
	EXPECT_STR(index("a.b.c", '.'), ".b.c");
	EXPECT_STR(rindex("a.b.c", '.'), ".c");
	EXPECT(index("abc", 'x') == NULL);
}
