/* Resource limits: getrlimit reports the limits rvshm really has, a process may lower them and
 * is then held to them (the stack stops growing, fork and brk and shmat are refused), raising
 * a hard limit takes root, and the resources rvshm has no limit for are EINVAL. */
#define _GNU_SOURCE /* prlimit */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

/* In a child: exit with code unless cond holds. */
#define CHECK(cond, code)                                                                          \
	do {                                                                                       \
		if (!(cond))                                                                       \
			_exit(code);                                                               \
	} while (0)

/* Is resource's limit soft cur and hard max? */
static int limit_is(int resource, rlim_t cur, rlim_t max)
{
	struct rlimit rl;
	return getrlimit(resource, &rl) == 0 && rl.rlim_cur == cur && rl.rlim_max == max;
}

/* Set resource's limit to soft cur and hard max; 0 or -1 as setrlimit says. */
static int set_limit(int resource, rlim_t cur, rlim_t max)
{
	struct rlimit rl = { cur, max };
	return setrlimit(resource, &rl);
}

TEST(getrlimit_reports_the_limits_rvshm_has)
{
	EXPECT(limit_is(RLIMIT_STACK, 1 << 20, 1 << 20));
	EXPECT(limit_is(RLIMIT_NPROC, 16, 16));
	EXPECT(limit_is(RLIMIT_NOFILE, 3, 3));
	EXPECT(limit_is(RLIMIT_AS, 0x80000000UL, 0x80000000UL));
	EXPECT_EQ(sysconf(_SC_OPEN_MAX), 3);
}

TEST(the_resources_rvshm_has_no_limit_for_are_einval)
{
	static const int none[] = { RLIMIT_CPU,      RLIMIT_FSIZE,
				    RLIMIT_DATA,     RLIMIT_CORE,
				    RLIMIT_RSS,      RLIMIT_MEMLOCK,
				    RLIMIT_LOCKS,    RLIMIT_SIGPENDING,
				    RLIMIT_MSGQUEUE, RLIMIT_NICE,
				    RLIMIT_RTPRIO,   RLIMIT_RTTIME,
				    RLIM_NLIMITS,    -1 };
	struct rlimit rl = { 0, 0 };
	for (unsigned i = 0; i < sizeof(none) / sizeof(none[0]); i++) {
		EXPECT_ERRNO(getrlimit(none[i], &rl), EINVAL);
		EXPECT_ERRNO(setrlimit(none[i], &rl), EINVAL);
	}
}

TEST(a_soft_limit_above_the_hard_one_is_einval_and_more_than_rvshm_has_is_eperm_even_for_root)
{
	EXPECT_ERRNO(set_limit(RLIMIT_NOFILE, 3, 2), EINVAL);
	EXPECT_ERRNO(set_limit(RLIMIT_STACK, 1 << 20, 8 << 20), EPERM);
	EXPECT_ERRNO(set_limit(RLIMIT_NOFILE, RLIM_INFINITY, RLIM_INFINITY), EPERM);
	EXPECT(limit_is(RLIMIT_NOFILE, 3, 3) && limit_is(RLIMIT_STACK, 1 << 20, 1 << 20));
}

TEST(bad_pointers_are_efault_and_an_unknown_process_esrch)
{
	struct rlimit rl;
	struct rlimit *volatile bad = (struct rlimit *)8; /* volatile: not known to be bad */
	EXPECT_ERRNO(getrlimit(RLIMIT_STACK, bad), EFAULT);
	EXPECT_ERRNO(setrlimit(RLIMIT_STACK, bad), EFAULT);
	EXPECT_ERRNO(prlimit(9999, RLIMIT_STACK, NULL, &rl), ESRCH);
	EXPECT_ERRNO(prlimit(-1, RLIMIT_STACK, NULL, &rl), ESRCH);
}

static void set_and_lose_the_old_value(void)
{
	struct rlimit two = { 2, 3 }, *volatile bad = (struct rlimit *)8;
	CHECK(prlimit(0, RLIMIT_NOFILE, &two, bad) == -1 && errno == EFAULT, 1);
	CHECK(limit_is(RLIMIT_NOFILE, 2, 3), 2); /* set all the same, as on Linux */
}

TEST(prlimit_sets_the_new_limit_even_when_the_old_one_cannot_be_written_out)
{
	EXPECT(exited_with(in_child(set_and_lose_the_old_value), 0));
}

static void lower_and_raise_as_a_user(void)
{
	CHECK(setuid(1000) == 0, 1);
	CHECK(set_limit(RLIMIT_NOFILE, 1, 2) == 0 && limit_is(RLIMIT_NOFILE, 1, 2), 2);
	CHECK(sysconf(_SC_OPEN_MAX) == 1, 3);
	CHECK(set_limit(RLIMIT_NOFILE, 2, 2) == 0, 4); /* soft, up to the hard one */
	CHECK(set_limit(RLIMIT_NOFILE, 2, 3) == -1 && errno == EPERM, 5);
	CHECK(limit_is(RLIMIT_NOFILE, 2, 2), 6);
	CHECK(write(STDOUT_FILENO, "", 0) == 0, 7); /* descriptors already open stay open */
}

TEST(anyone_may_lower_a_limit_and_only_root_may_raise_a_hard_one)
{
	EXPECT(exited_with(in_child(lower_and_raise_as_a_user), 0));
	EXPECT(limit_is(RLIMIT_NOFILE, 3, 3)); /* the child's limits were its own */
}

static void root_lowers_and_raises(void)
{
	CHECK(set_limit(RLIMIT_STACK, 1 << 16, 1 << 16) == 0, 1);
	CHECK(set_limit(RLIMIT_STACK, 1 << 20, 1 << 20) == 0, 2);
	CHECK(limit_is(RLIMIT_STACK, 1 << 20, 1 << 20), 3);
}

TEST(root_may_raise_a_hard_limit_back_to_what_rvshm_has)
{
	EXPECT(exited_with(in_child(root_lowers_and_raises), 0));
}

/* Use depth KiB of stack, a KiB a frame. */
__attribute__((noinline)) static int use_stack(int depth)
{
	volatile char frame[1024];
	frame[0] = (char)depth;
	return depth <= 1 ? frame[0] : use_stack(depth - 1) + frame[0];
}

static void stack_within_its_limit(void)
{
	CHECK(set_limit(RLIMIT_STACK, 256 << 10, 256 << 10) == 0, 1);
	use_stack(128);
}

static void stack_past_its_limit(void)
{
	CHECK(set_limit(RLIMIT_STACK, 64 << 10, 1 << 20) == 0, 1);
	use_stack(128);
}

TEST(a_lowered_rlimit_stack_stops_the_stack_short_with_sigsegv)
{
	EXPECT(exited_with(in_child(stack_within_its_limit), 0));
	EXPECT(killed_by(in_child(stack_past_its_limit), SIGSEGV));
}

static void nproc_as_a_user(void)
{
	CHECK(setuid(1000) == 0 && set_limit(RLIMIT_NPROC, 1, 16) == 0, 1);
	CHECK(fork() == -1 && errno == EAGAIN, 2); /* it is the user's one process */
	CHECK(set_limit(RLIMIT_NPROC, 2, 16) == 0, 3);
	pid_t pid = fork();
	if (pid == 0)
		_exit(fork() == -1 && errno == EAGAIN ? 0 : 1); /* two now: the limit */
	int status;
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status), 4);
	CHECK(WEXITSTATUS(status) == 0, 5);
}

static void nproc_as_root(void)
{
	CHECK(set_limit(RLIMIT_NPROC, 1, 1) == 0, 1);
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	CHECK(pid > 0 && exited_with(reap(pid), 0), 2); /* root is not held to it */
}

TEST(rlimit_nproc_refuses_a_users_fork_with_eagain_but_not_roots)
{
	EXPECT(exited_with(in_child(nproc_as_a_user), 0));
	EXPECT(exited_with(in_child(nproc_as_root), 0));
}

static int one_mib_segment = -1;

static void address_space_limit(void)
{
	CHECK(set_limit(RLIMIT_AS, 8 << 20, 0x80000000UL) == 0, 1);
	CHECK(sbrk(16 << 20) == FAILED && errno == ENOMEM, 2);
	CHECK(malloc(16 << 20) == NULL && errno == ENOMEM, 3);
	CHECK(sbrk(1 << 20) != FAILED, 4);
	int attached = 0;
	while (shmat(one_mib_segment, NULL, SHM_RDONLY) != FAILED)
		attached++;
	CHECK(errno == ENOMEM, 5);
	/* The program, its heap of over 1 MiB and its 1 MiB stack leave room for 3 to 5 MiB. */
	CHECK(attached >= 3 && attached <= 5, 6);
	CHECK(set_limit(RLIMIT_AS, 0x80000000UL, 0x80000000UL) == 0, 7); /* back up to hard */
	CHECK(shmat(one_mib_segment, NULL, SHM_RDONLY) != FAILED && sbrk(16 << 20) != FAILED, 8);
}

TEST(a_lowered_rlimit_as_refuses_brk_and_shmat_with_enomem)
{
	one_mib_segment = seg(IPC_PRIVATE, 1 << 20);
	EXPECT(exited_with(in_child(address_space_limit), 0));
	rm(one_mib_segment);
}

static void inherited(void)
{
	CHECK(set_limit(RLIMIT_NOFILE, 1, 1) == 0, 1);
	pid_t pid = fork();
	if (pid == 0)
		_exit(limit_is(RLIMIT_NOFILE, 1, 1) ? 0 : 1);
	CHECK(exited_with(reap(pid), 0), 2);
}

TEST(a_forked_child_has_its_parents_limits)
{
	EXPECT(exited_with(in_child(inherited), 0));
}

/* Sleeps as user 1000 until killed, after saying so through *ready. */
static pid_t user_sleeper(volatile int *ready)
{
	pid_t pid = fork();
	if (pid == 0) {
		if (setuid(1000) != 0)
			_exit(1);
		*ready = 1;
		sleep(100);
		_exit(2);
	}
	EXPECT(wait_for(ready, 1));
	return pid;
}

static pid_t target;

static void prlimit_as_another_user(void)
{
	struct rlimit rl;
	CHECK(setuid(2000) == 0, 1);
	CHECK(prlimit(target, RLIMIT_NOFILE, NULL, &rl) == -1 && errno == EPERM, 2);
	CHECK(prlimit(getppid(), RLIMIT_NOFILE, NULL, &rl) == -1 && errno == EPERM, 3);
}

static void prlimit_as_the_same_user(void)
{
	struct rlimit rl = { 2, 3 };
	CHECK(setuid(1000) == 0, 1);
	CHECK(prlimit(target, RLIMIT_NOFILE, &rl, NULL) == 0, 2);
}

TEST(prlimit_reaches_another_process_for_root_or_a_user_with_all_its_ids)
{
	int id = seg(IPC_PRIVATE, PG);
	volatile int *ready = shmat(id, NULL, 0);
	*ready = 0;
	target = user_sleeper(ready);
	struct rlimit rl = { 1, 1 }, old;
	EXPECT_OK(prlimit(target, RLIMIT_NOFILE, NULL, &old));
	EXPECT(old.rlim_cur == 3 && old.rlim_max == 3);
	EXPECT(exited_with(in_child(prlimit_as_another_user), 0));
	EXPECT(exited_with(in_child(prlimit_as_the_same_user), 0));
	EXPECT_OK(prlimit(target, RLIMIT_NOFILE, &rl, &old)); /* root: anyone's */
	EXPECT(old.rlim_cur == 2 && old.rlim_max == 3);       /* as the user set it */
	kill(target, SIGKILL);
	EXPECT(killed_by(reap(target), SIGKILL));
	dt((void *)ready);
	rm(id);
}
