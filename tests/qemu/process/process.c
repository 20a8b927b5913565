#define _GNU_SOURCE /* RUSAGE_THREAD */
/* Processes as a program sees them: fork, exit, wait, signals, ids, sleep, memory. */
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/shm.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

TEST(fork_returns_child_pid_to_parent_and_zero_to_child)
{
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid == 0)
		_exit(getppid() == parent ? 7 : 1);
	EXPECT(pid > 0 && pid != parent);
	int status;
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT(WIFEXITED(status));
	EXPECT_EQ(WEXITSTATUS(status), 7);
}

static int shared_global = 1;

TEST(fork_child_gets_a_private_copy_of_memory)
{
	int on_stack = 10;
	char *heap = malloc(32);
	strcpy(heap, "parent");
	pid_t pid = fork();
	if (pid == 0) {
		int ok = shared_global == 1 && on_stack == 10 && strcmp(heap, "parent") == 0;
		shared_global = 2, on_stack = 20;
		strcpy(heap, "child");
		_exit(ok ? 0 : 1);
	}
	int status;
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(WEXITSTATUS(status), 0);
	EXPECT_EQ(shared_global, 1);
	EXPECT_EQ(on_stack, 10);
	EXPECT_EQ(strcmp(heap, "parent"), 0);
	free(heap);
}

TEST(wait_with_no_children_is_echild)
{
	EXPECT_ERRNO(wait(NULL), ECHILD);
	EXPECT_ERRNO(waitpid(12345, NULL, 0), ECHILD);
}

TEST(waitpid_with_bad_options_is_einval)
{
	EXPECT_ERRNO(waitpid(-1, NULL, 0x100), EINVAL);
	EXPECT_ERRNO(waitpid(-1, NULL, 0x4), EINVAL); /* WEXITED is waitid's, not waitpid's */
}

/* With no job control nothing is ever stopped or continued, so these flags are accepted, as on
 * Linux, and simply never report a stop. */
TEST(waitpid_accepts_wuntraced_and_wcontinued)
{
	int id = seg(IPC_PRIVATE, PG);
	volatile int *go = shmat(id, NULL, 0);
	*go = 0;
	pid_t pid = fork();
	if (pid == 0)
		_exit(wait_for(go, 1) ? 4 : 1);
	EXPECT_EQ(waitpid(pid, NULL, WNOHANG | WUNTRACED), 0);
	EXPECT_EQ(waitpid(pid, NULL, WNOHANG | WCONTINUED), 0);
	EXPECT_EQ(waitpid(pid, NULL, WNOHANG | WUNTRACED | WCONTINUED), 0);
	*go = 1;
	int status;
	EXPECT_EQ(waitpid(pid, &status, WUNTRACED | WCONTINUED), pid);
	EXPECT(exited_with(status, 4));
	dt((void *)go), rm(id);
}

/* getrusage's switch counts: what a program can see of the scheduler. */
TEST(getrusage_counts_voluntary_and_involuntary_switches)
{
	struct rusage before, after, kids;
	EXPECT_OK(getrusage(RUSAGE_SELF, &before));
	usleep(1000);  /* waits: a voluntary switch */
	sched_yield(); /* could run on: an involuntary one */
	EXPECT_OK(getrusage(RUSAGE_SELF, &after));
	EXPECT(after.ru_nvcsw >= before.ru_nvcsw + 1);
	EXPECT(after.ru_nivcsw >= before.ru_nivcsw + 1);
	EXPECT_OK(getrusage(RUSAGE_CHILDREN, &before));
	pid_t pid = fork();
	if (pid == 0) {
		for (int i = 0; i < 5; i++)
			sched_yield();
		_exit(0);
	}
	struct rusage child;
	int status;
	EXPECT_EQ(wait4(pid, &status, 0, &child), pid);
	EXPECT(child.ru_nivcsw >= 5);
	EXPECT_OK(getrusage(RUSAGE_CHILDREN, &kids));
	EXPECT_EQ(kids.ru_nivcsw - before.ru_nivcsw, child.ru_nivcsw);
	EXPECT(child.ru_utime.tv_sec > 0 || child.ru_utime.tv_usec > 0); /* it ran a little */
	EXPECT_EQ(child.ru_stime.tv_sec + child.ru_stime.tv_usec, 0);    /* all in ru_utime */
	EXPECT_ERRNO(getrusage(2, &after), EINVAL);
	EXPECT_ERRNO(getrusage(-2, &after), EINVAL);
	EXPECT_OK(getrusage(RUSAGE_THREAD, &after)); /* the one thread: the process's own */
	EXPECT_ERRNO(getrusage(RUSAGE_SELF, NULL), EFAULT);
}

TEST(wait4_with_a_bad_rusage_pointer_is_efault_and_keeps_the_zombie)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(6);
	int status;
	EXPECT_ERRNO(wait4(pid, &status, 0, (struct rusage *)8), EFAULT);
	EXPECT(exited_with(reap(pid), 6));
}

/* Loop for ever, first noting in *ran that user code ran at all. */
static volatile int *ran;

static void note_and_spin(void)
{
	*ran = 1;
	for (;;)
		;
}

/* The child is killed in the moment after fork, before it can run on one hart: it must die
 * without running a single instruction of its own. A try in which this process lost the hart
 * between fork and kill (getrusage tells) proves nothing, and is made again. */
TEST(a_child_killed_before_it_first_runs_runs_no_user_code)
{
	int id = seg(IPC_PRIVATE, PG);
	ran = shmat(id, NULL, 0);
	/* One hart for this process and the child, which inherits it: else the child could
	 * start at once on another hart, and rightly run. */
	cpu_set_t here, all;
	CPU_ZERO(&here);
	CPU_SET(sched_getcpu(), &here);
	EXPECT_OK(sched_getaffinity(0, sizeof(all), &all));
	EXPECT_OK(sched_setaffinity(0, sizeof(here), &here));
	int proved = 0;
	for (int tries = 0; tries < 20 && !proved; tries++) {
		struct rusage before, after;
		*ran = 0;
		getrusage(RUSAGE_SELF, &before);
		pid_t pid = fork();
		if (pid == 0)
			note_and_spin();
		kill(pid, SIGKILL);
		getrusage(RUSAGE_SELF, &after);
		proved = after.ru_nvcsw + after.ru_nivcsw == before.ru_nvcsw + before.ru_nivcsw;
		EXPECT(killed_by(reap(pid), SIGKILL));
		EXPECT(!proved || *ran == 0);
	}
	EXPECT(proved);
	EXPECT_OK(sched_setaffinity(0, sizeof(all), &all));
	dt((void *)ran), rm(id);
}

TEST(waitpid_0_waits_for_any_child_as_all_share_one_process_group)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(5);
	int status = 0;
	EXPECT_EQ(waitpid(0, &status, 0), pid);
	EXPECT(exited_with(status, 5));
}

TEST(waitpid_for_another_process_group_is_echild_and_for_int_min_esrch)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	EXPECT_ERRNO(waitpid(-2, NULL, 0), ECHILD);
	EXPECT_ERRNO(waitpid(INT_MIN, NULL, 0), ESRCH);
	EXPECT_EQ(waitpid(pid, NULL, 0), pid);
}

TEST(waitpid_with_a_bad_status_pointer_is_efault_and_keeps_the_zombie)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(3);
	EXPECT_ERRNO(waitpid(pid, (int *)0x80200000L, 0), EFAULT);
	int status;
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(WEXITSTATUS(status), 3);
}

TEST(wnohang_returns_zero_while_the_child_runs)
{
	int id = seg(IPC_PRIVATE, PG);
	volatile int *checked = shmat(id, NULL, 0);
	*checked = 0;
	pid_t pid = fork();
	if (pid == 0) /* alive until the parent has asked */
		_exit(wait_for(checked, 1) ? 0 : 1);
	EXPECT_EQ(waitpid(pid, NULL, WNOHANG), 0);
	*checked = 1;
	EXPECT(exited_with(reap(pid), 0));
	dt((void *)checked), rm(id);
}

TEST(wait_reaps_children_in_any_order)
{
	pid_t a = fork();
	if (a == 0)
		_exit(1);
	pid_t b = fork();
	if (b == 0)
		_exit(2);
	int sa, sb;
	EXPECT_EQ(waitpid(b, &sb, 0), b);
	EXPECT_EQ(waitpid(a, &sa, 0), a);
	EXPECT_EQ(WEXITSTATUS(sa) * 10 + WEXITSTATUS(sb), 12);
}

static void store_to_null(void)
{
	*(volatile int *)0 = 1;
}

static void illegal_instruction(void)
{
	__asm__ volatile(".word 0");
}

static void privileged_csr(void)
{
	__asm__ volatile("csrr t0, sstatus" ::: "t0");
}

static void breakpoint(void)
{
	__asm__ volatile("ebreak");
}

static void call_abort(void)
{
	abort();
}

TEST(memory_fault_kills_the_child_with_sigsegv)
{
	int s = in_child(store_to_null);
	EXPECT(WIFSIGNALED(s));
	EXPECT_EQ(WTERMSIG(s), SIGSEGV);
}

TEST(illegal_instruction_kills_with_sigill)
{
	EXPECT_EQ(WTERMSIG(in_child(illegal_instruction)), SIGILL);
}

TEST(privileged_csr_access_kills_with_sigill)
{
	EXPECT_EQ(WTERMSIG(in_child(privileged_csr)), SIGILL);
}

TEST(ebreak_kills_with_sigtrap)
{
	EXPECT_EQ(WTERMSIG(in_child(breakpoint)), SIGTRAP);
}

TEST(abort_kills_with_sigabrt)
{
	EXPECT_EQ(WTERMSIG(in_child(call_abort)), SIGABRT);
}

TEST(kill_of_an_unknown_pid_is_esrch_and_bad_signal_is_einval)
{
	EXPECT_ERRNO(kill(9999, SIGKILL), ESRCH);
	EXPECT_ERRNO(kill(getpid(), 65), EINVAL);
	EXPECT_ERRNO(kill(getpid(), -1), EINVAL);
	EXPECT_EQ(kill(getpid(), 0), 0);
}

static void sleep_long(void)
{
	sleep(100);
}

TEST(real_time_signals_end_a_process_and_wait_reports_them)
{
	int sigs[] = { 32, 33, SIGRTMIN, 40, SIGRTMAX };
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		pid_t pid = fork();
		if (pid == 0)
			sleep_long();
		EXPECT_OK(kill(pid, sigs[i]));
		int status = reap(pid);
		EXPECT(WIFSIGNALED(status));
		EXPECT_EQ(WTERMSIG(status), sigs[i]);
	}
	EXPECT_EQ(SIGRTMIN, 34); /* glibc's: it keeps 32 and 33 for its threads */
	EXPECT_EQ(SIGRTMAX, 64);
}

TEST(kill_of_a_zombie_child_succeeds_until_it_is_reaped)
{
	int id = seg(IPC_PRIVATE, PG);
	void *inherited = shmat(id, NULL, 0);
	pid_t pid = fork();
	if (pid == 0)
		_exit(5);
	unsigned long start = now();
	while (stat_of(id).shm_nattch > 1 && now() - start < DEADLINE)
		sched_yield(); /* until its exit has detached its copy: it is a zombie, not reaped */
	EXPECT_EQ(stat_of(id).shm_nattch, 1);
	dt(inherited), rm(id);
	EXPECT_EQ(kill(pid, 0), 0);
	EXPECT_EQ(kill(pid, SIGTERM), 0); /* too late to matter: it keeps its exit status */
	EXPECT(exited_with(reap(pid), 5));
	EXPECT_ERRNO(kill(pid, 0), ESRCH);
}

TEST(kill_ends_a_sleeping_child)
{
	pid_t pid = fork();
	if (pid == 0) {
		sleep(100);
		_exit(0);
	}
	usleep(10000);
	EXPECT_EQ(kill(pid, SIGTERM), 0);
	int s;
	EXPECT_EQ(waitpid(pid, &s, 0), pid);
	EXPECT(WIFSIGNALED(s));
	EXPECT_EQ(WTERMSIG(s), SIGTERM);
}

static void become_user_1000(void)
{
	if (setgid(100) != 0 || setuid(1000) != 0)
		_exit(1);
	if (getuid() != 1000 || geteuid() != 1000 || getgid() != 100 || getegid() != 100)
		_exit(2);
	if (setuid(0) != -1 || errno != EPERM)
		_exit(3);
	if (setgid(0) != -1 || errno != EPERM)
		_exit(4);
	if (setuid(1000) != 0) /* one's own id is always allowed */
		_exit(5);
	if (kill(getppid(), 0) != -1 || errno != EPERM) /* the parent is root's */
		_exit(6);
	if (kill(1, SIGTERM) != -1 || errno != EPERM) /* so is init */
		_exit(7);
}

TEST(root_may_set_any_id_and_others_only_their_own)
{
	EXPECT_EQ(getuid(), 0);
	EXPECT_EQ(WEXITSTATUS(in_child(become_user_1000)), 0);
	EXPECT_ERRNO(setuid((uid_t)-1), EINVAL);
}

TEST(fork_fails_with_eagain_when_the_table_is_full)
{
	pid_t kids[32];
	int err;
	int n = fork_sleepers(kids, 32, &err);
	EXPECT(n < 32);
	EXPECT_EQ(err, EAGAIN);
	kill_all(kids, n);
}

TEST(sysinfo_counts_the_pages_a_fork_takes_and_gives_back)
{
	struct sysinfo si;
	EXPECT_OK(sysinfo(&si));
	EXPECT_EQ(si.mem_unit, 4096);
	EXPECT(si.totalram > si.freeram);
	EXPECT(si.procs >= 1);
	int id = seg(IPC_PRIVATE, PG);
	volatile int *counted = shmat(id, NULL, 0);
	*counted = 0; /* its page and tables exist before the count, with lazy backing too */
	unsigned long before = free_pages();
	pid_t pid = fork();
	if (pid == 0) /* alive until the parent has counted */
		_exit(wait_for(counted, 1) ? 0 : 1);
	EXPECT(free_pages() < before);
	*counted = 1;
	EXPECT(exited_with(reap(pid), 0));
	EXPECT_EQ(free_pages(), before);
	dt((void *)counted), rm(id);
}

TEST(sysinfo_with_a_bad_pointer_is_efault)
{
	EXPECT_ERRNO(sysinfo(NULL), EFAULT);
	EXPECT_ERRNO(sysinfo((struct sysinfo *)0x80200000L), EFAULT);
}

TEST(sbrk_grows_the_heap_with_zeroed_pages_and_shrinks_it)
{
	unsigned long before = free_pages();
	char *p = sbrk(3 * 4096);
	EXPECT(p != (void *)-1);
	EXPECT_EQ(p[0] | p[3 * 4096 - 1], 0);
	p[100] = 1;
	EXPECT_EQ(free_pages(), before - 3);
	EXPECT(sbrk(-3 * 4096) == p + 3 * 4096);
	EXPECT_EQ(free_pages(), before);
}

TEST(sbrk_past_the_stack_guard_is_enomem)
{
	EXPECT_ERRNO(sbrk(0x20000000L), ENOMEM);
}

TEST(malloc_calloc_realloc_free_work)
{
	char *a = malloc(100), *b = calloc(10, 100);
	EXPECT(a && b);
	EXPECT_EQ(b[999], 0);
	memset(a, 'x', 100);
	a = realloc(a, 5000);
	EXPECT(a != NULL);
	EXPECT_EQ(a[99], 'x');
	free(a);
	free(b);
	EXPECT(malloc(0x40000000L) == NULL);
}

TEST(nanosleep_waits_at_least_as_long_as_asked)
{
	struct timespec t0, t1, req = { 0, 30000000 };
	EXPECT_OK(clock_gettime(CLOCK_MONOTONIC, &t0));
	EXPECT_OK(nanosleep(&req, NULL));
	EXPECT_OK(clock_gettime(CLOCK_MONOTONIC, &t1));
	long ns = (t1.tv_sec - t0.tv_sec) * 1000000000L + (t1.tv_nsec - t0.tv_nsec);
	EXPECT(ns >= 30000000L);
}

TEST(nanosleep_rejects_bad_times_and_pointers)
{
	struct timespec bad = { 0, 1000000000L }, neg = { -1, 0 };
	EXPECT_ERRNO(nanosleep(&bad, NULL), EINVAL);
	EXPECT_ERRNO(nanosleep(&neg, NULL), EINVAL);
	EXPECT_ERRNO(nanosleep(NULL, NULL), EFAULT);
}

/* Linux writes the remaining time only when a signal cuts a sleep short, and no signal
 * here wakes a sleeper without ending it: so rem is never touched, nor even checked. */
TEST(nanosleep_leaves_rem_untouched_and_unchecked)
{
	struct timespec req = { 0, 1000 }, rem = { 5, 5 };
	EXPECT_EQ(nanosleep(&req, &rem), 0);
	EXPECT_EQ(rem.tv_sec, 5);
	EXPECT_EQ(rem.tv_nsec, 5);
	EXPECT_EQ(nanosleep(&req, (struct timespec *)8), 0);
	EXPECT_EQ(nanosleep(&req, (struct timespec *)(void *)nanosleep), 0); /* read-only */
}

/* Regression: a sleep of 2^62 seconds once wrapped around into a short one. */
TEST(a_huge_sleep_does_not_wrap_around_into_a_short_one)
{
	pid_t pid = fork();
	if (pid == 0) {
		struct timespec forever = { (time_t)1 << 62, 0 };
		nanosleep(&forever, NULL);
		_exit(1); /* woke: the deadline wrapped */
	}
	usleep(50000);
	EXPECT_EQ(kill(pid, SIGKILL), 0);
	EXPECT(killed_by(reap(pid), SIGKILL));
}

TEST(time_reads_the_real_clock)
{
	time_t t = time(NULL);
	EXPECT(t > 1700000000L);
	EXPECT_ERRNO(clock_gettime(9, NULL), EINVAL); /* CLOCK_BOOTTIME_ALARM: no alarm timer */
}

TEST(signals_ignored_by_default_and_stop_signals_leave_a_process_running)
{
	int id = seg(IPC_PRIVATE, PG);
	volatile int *sent = shmat(id, NULL, 0);
	*sent = 0;
	pid_t pid = fork();
	if (pid == 0) /* alive until every signal has been sent, then it exits by itself */
		_exit(wait_for(sent, 1) ? 7 : 1);
	int harmless[] = { SIGCHLD, SIGURG, SIGWINCH, SIGCONT, SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU };
	for (size_t i = 0; i < sizeof(harmless) / sizeof(harmless[0]); i++)
		EXPECT_OK(kill(pid, harmless[i]));
	*sent = 1;
	EXPECT(exited_with(reap(pid), 7));
	dt((void *)sent), rm(id);
}

TEST(a_program_started_at_boot_is_a_child_of_init)
{
	EXPECT_EQ(getppid(), 1);
	EXPECT(getpid() > 1);
}

TEST(init_ignores_signals_from_root)
{
	EXPECT_OK(kill(1, 0));
	EXPECT_OK(kill(1, SIGKILL));
	EXPECT_EQ(getppid(), 1);
}

TEST(an_orphan_is_adopted_by_init)
{
	int id = seg(IPC_PRIVATE, PG);
	volatile int *ppid_seen = shmat(id, NULL, 0);
	*ppid_seen = 0;
	struct sysinfo si;
	sysinfo(&si);
	unsigned short procs = si.procs;
	pid_t pid = fork();
	if (pid == 0) {
		if (fork() == 0) { /* the textbook orphan: wait until the parent has gone */
			unsigned long start = now();
			while (getppid() != 1 && now() - start < DEADLINE)
				usleep(1000);
			*ppid_seen = getppid();
			_exit(0);
		}
		_exit(0);
	}
	EXPECT_EQ(waitpid(pid, NULL, 0), pid);
	EXPECT(wait_for(ppid_seen, 1));
	EXPECT_EQ(*ppid_seen, 1);
	unsigned long start = now();
	while (sysinfo(&si) == 0 && si.procs != procs && now() - start < DEADLINE)
		usleep(1000); /* until init has reaped the orphan */
	EXPECT_EQ(si.procs, procs);
	dt((void *)ppid_seen), rm(id);
}

TEST(orphans_are_reaped_after_their_parent_exits)
{
	unsigned long before = free_pages();
	pid_t pid = fork();
	if (pid == 0) {
		if (fork() == 0) { /* the grandchild outlives its parent */
			unsigned long start = now();
			while (getppid() != 1 && now() - start < DEADLINE)
				sched_yield();
			_exit(0);
		}
		_exit(0);
	}
	EXPECT_EQ(waitpid(pid, NULL, 0), pid);
	unsigned long start = now();
	while (free_pages() != before && now() - start < DEADLINE)
		sched_yield(); /* until the orphan has exited and init has reaped it */
	EXPECT_EQ(free_pages(), before);
}
