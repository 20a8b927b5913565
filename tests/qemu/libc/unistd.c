/* <unistd.h>'s small calls: isatty, getpgrp, vfork, wait3 from <sys/wait.h>, and getopt over
 * argument vectors made up here (programs here are started with argc 1). Each getopt test
 * starts again with optind = 1, as a program parsing a second vector must. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "expect_str.h"
#include "utest.h"

TEST(isatty_is_true_for_the_three_console_descriptors_only)
{
	EXPECT_EQ(isatty(STDIN_FILENO), 1);
	EXPECT_EQ(isatty(STDOUT_FILENO), 1);
	EXPECT_EQ(isatty(STDERR_FILENO), 1);
	errno = 0;
	EXPECT_EQ(isatty(3), 0);
	EXPECT_EQ(errno, EBADF);
	errno = 0;
	EXPECT_EQ(isatty(-1), 0);
	EXPECT_EQ(errno, EBADF);
}

TEST(getpgrp_is_inits_group_in_parent_and_child)
{
	EXPECT_EQ(getpgrp(), 1);
	pid_t pid = EXPECT_OK(fork());
	if (pid == 0)
		_exit(getpgrp() == 1 ? 0 : 1);
	int status;
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

TEST(vfork_child_runs_and_its_exit_status_reaches_wait3)
{
	pid_t pid = EXPECT_OK(vfork());
	if (pid == 0)
		_exit(7);
	int status;
	EXPECT_EQ(wait3(&status, 0, NULL), pid);
	EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 7);
}

TEST(wait3_without_children_is_echild)
{
	int status;
	EXPECT_ERRNO(wait3(&status, WNOHANG, NULL), ECHILD);
}

#define ARGC(v) ((int)(sizeof(v) / sizeof(v[0])) - 1)

TEST(getopt_reads_grouped_flags_and_both_forms_of_an_argument)
{
	char *argv[] = { "prog", "-ab", "-ofile", "-o", "other", "-bc3", "operand", "-a", NULL };
	optind = 1;
	EXPECT_EQ(getopt(ARGC(argv), argv, "abc:o:"), 'a');
	EXPECT(optarg == NULL);
	EXPECT_EQ(getopt(ARGC(argv), argv, "abc:o:"), 'b');
	EXPECT_EQ(optind, 2);
	EXPECT_EQ(getopt(ARGC(argv), argv, "abc:o:"), 'o');
	EXPECT_STR(optarg, "file");
	EXPECT_EQ(getopt(ARGC(argv), argv, "abc:o:"), 'o');
	EXPECT_STR(optarg, "other");
	EXPECT_EQ(getopt(ARGC(argv), argv, "abc:o:"), 'b');
	EXPECT_EQ(getopt(ARGC(argv), argv, "abc:o:"), 'c');
	EXPECT_STR(optarg, "3");
	EXPECT_EQ(getopt(ARGC(argv), argv, "abc:o:"), -1); /* the first operand ends the options */
	EXPECT_EQ(optind, 6);
}

TEST(getopt_stops_after_a_double_dash_and_at_a_lone_dash)
{
	char *argv[] = { "prog", "-a", "--", "-b", NULL };
	optind = 1;
	EXPECT_EQ(getopt(ARGC(argv), argv, "ab"), 'a');
	EXPECT_EQ(getopt(ARGC(argv), argv, "ab"), -1);
	EXPECT_EQ(optind, 3);
	char *dash[] = { "prog", "-", "-a", NULL };
	optind = 1;
	EXPECT_EQ(getopt(ARGC(dash), dash, "ab"), -1);
	EXPECT_EQ(optind, 1);
}

TEST(getopt_answers_an_unknown_option_with_a_question_mark_and_optopt)
{
	char *argv[] = { "prog", "-xa", NULL };
	optind = 1;
	opterr = 0;
	EXPECT_EQ(getopt(ARGC(argv), argv, "a"), '?');
	EXPECT_EQ(optopt, 'x');
	EXPECT_EQ(getopt(ARGC(argv), argv, "a"), 'a');
	EXPECT_EQ(getopt(ARGC(argv), argv, "a"), -1);
	opterr = 1;
}

TEST(getopt_with_a_leading_colon_tells_a_missing_argument_by_a_colon)
{
	char *argv[] = { "prog", "-o", NULL };
	optind = 1;
	EXPECT_EQ(getopt(ARGC(argv), argv, ":o:"), ':');
	EXPECT_EQ(optopt, 'o');
	optind = 1;
	opterr = 0;
	EXPECT_EQ(getopt(ARGC(argv), argv, "o:"), '?');
	EXPECT_EQ(optopt, 'o');
	opterr = 1;
	EXPECT_EQ(optind, 2);
}

TEST(getopt_prints_glibcs_messages_under_argv0)
{
	char *argv[] = { "getopt", "-x", "-o", NULL };
	optind = 1;
	EXPECT_EQ(getopt(ARGC(argv), argv, "o:"), '?');
	EXPECT_EQ(getopt(ARGC(argv), argv, "o:"), '?');
	EXPECT_EQ(getopt(ARGC(argv), argv, "o:"), -1);
}

TEST(getopt_starts_again_when_optind_is_set_to_0)
{
	char *argv[] = { "prog", "-ab", NULL };
	optind = 1;
	EXPECT_EQ(getopt(ARGC(argv), argv, "ab"), 'a');
	optind = 0;
	EXPECT_EQ(getopt(ARGC(argv), argv, "ab"), 'a');
	EXPECT_EQ(getopt(ARGC(argv), argv, "ab"), 'b');
	EXPECT_EQ(optind, 2);
}
