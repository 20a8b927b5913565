/* How a program ends: exit and atexit in child processes (handlers run at exit, newest first,
 * and not at _exit), and a failed assert; and the names it goes by. */
#define _GNU_SOURCE /* program_invocation_name */
#include <assert.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#include "expect_str.h"
#include "utest.h"

static char *trail; /* the handlers of a child append their names here, in shared memory */

static void append_a(void)
{
	*trail++ = 'a';
}

static void append_b(void)
{
	*trail++ = 'b';
}

/* Fork a child that registers handlers a then b and ends by end(status); return what the
 * handlers appended, and check the status. */
static void run_child(void (*end)(int), char *out)
{
	int id = EXPECT_OK(shmget(IPC_PRIVATE, 64, IPC_CREAT | 0600));
	char *mem = shmat(id, NULL, 0);
	EXPECT(mem != (void *)-1);
	trail = mem;
	pid_t pid = fork();
	if (pid == 0) {
		atexit(append_a);
		atexit(append_b);
		end(7);
	}
	int status = 0;
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 7);
	for (int i = 0; i < 3; i++)
		out[i] = mem[i];
	shmdt(mem);
	shmctl(id, IPC_RMID, NULL);
}

TEST(exit_runs_handlers_newest_first_and_keeps_the_status)
{
	char trail_seen[3];
	run_child(exit, trail_seen);
	EXPECT(trail_seen[0] == 'b' && trail_seen[1] == 'a' && trail_seen[2] == '\0');
}

TEST(underscore_exit_and_capital_exit_run_no_handlers)
{
	char trail_seen[3];
	run_child(_exit, trail_seen);
	EXPECT_EQ(trail_seen[0], '\0');
	run_child(_Exit, trail_seen);
	EXPECT_EQ(trail_seen[0], '\0');
}

static int remaining;

static void count_down(void)
{
	remaining--;
}

static void check_all_ran(void)
{
	_exit(remaining == 0 ? 0 : 1);
}

TEST(atexit_takes_32_handlers_and_exit_runs_them_all)
{
	pid_t pid = fork();
	if (pid == 0) {
		int refused = atexit(check_all_ran) != 0;
		for (remaining = 0; remaining < 31; remaining++)
			refused += atexit(count_down) != 0;
		exit(refused ? 2 : 3); /* check_all_ran, run last, ends it with 0 */
	}
	int status = -1;
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

TEST(program_invocation_names_are_argv0_and_its_last_part)
{
	EXPECT_STR(program_invocation_name, "exit");
	EXPECT_STR(program_invocation_short_name, "exit");
}

static void fail_an_assertion(void)
{
	int two = 2;
	assert(two + 1 == 4);
	_exit(0);
}

/* The expect file checks the message, which names this file, the line and the function. */
TEST(a_failed_assert_prints_glibcs_message_and_aborts)
{
	pid_t pid = fork();
	if (pid == 0)
		fail_an_assertion();
	int status = 0;
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
}

#define NDEBUG
#include <assert.h>

TEST(assert_is_off_after_ndebug_and_a_new_include)
{
	int evaluated = 0;
	assert(evaluated++);
	EXPECT_EQ(evaluated, 0);
	static_assert(sizeof(int) == 4, "C11's static_assert comes with assert.h");
}
