/* rvshm's figures, in exact instruction counts (QEMU -icount shift=0 makes rdinstret exact).
 * Each figure is the cheapest of a few repetitions, so that a timer tick that lands inside
 * one measurement does not count. scripts/bench.sh boots this in an eager kernel, a lazy
 * kernel, and without -icount for the wall-clock figures; and on two harts, without -icount,
 * for the figures that need a second hart (see smp_figures for why those are wall time). */
#define _GNU_SOURCE /* cpu_set_t */
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

#define PG 4096
#define REPEAT 5

/* The cheapest of REPEAT runs of fn(arg), in instructions. */
static uint64_t cheapest(uint64_t (*fn)(long), long arg)
{
	uint64_t best = UINT64_MAX;
	for (int i = 0; i < REPEAT; i++) {
		uint64_t v = fn(arg);
		best = v < best ? v : best;
	}
	return best;
}

/* Instructions per getpid() round trip from U-mode, over n calls, less the empty loop. */
static uint64_t getpid_cost(long n)
{
	uint64_t t0 = instret();
	for (long i = 0; i < n; i++)
		__asm__ volatile("");
	uint64_t loop = instret() - t0;
	t0 = instret();
	for (long i = 0; i < n; i++)
		getpid();
	return (instret() - t0 - loop) / (uint64_t)n;
}

/* Nanoseconds of host time per getpid(), by the time CSR (meaningful without -icount). */
static uint64_t getpid_wall(long n)
{
	uint64_t t0 = rdtime();
	for (long i = 0; i < n; i++)
		getpid();
	return (rdtime() - t0) * 100 / (uint64_t)n; /* 10 MHz: 100 ns a tick */
}

/* Microseconds of host time per usleep(1000), over n of them: how close a short sleep ends to
 * its deadline (a sleep no longer waits for the next 10 ms tick). */
static uint64_t usleep_wall(long n)
{
	uint64_t t0 = rdtime();
	for (long i = 0; i < n; i++)
		usleep(1000);
	return (rdtime() - t0) / 10 / (uint64_t)n; /* 10 MHz: 10 ticks a microsecond */
}

static uint64_t shmget_cost(long pages)
{
	uint64_t t0 = instret();
	int id = shmget(IPC_PRIVATE, (size_t)pages * PG, 0600);
	uint64_t cost = instret() - t0;
	shmctl(id, IPC_RMID, NULL);
	return cost;
}

static int attach_id; /* the segment the attach figures use */
static uint64_t detach_cost_last;

/* Instructions for one shmat of attach_id; also measures the matching shmdt. */
static uint64_t attach_cost(long unused)
{
	(void)unused;
	uint64_t t0 = instret();
	void *p = shmat(attach_id, NULL, 0);
	uint64_t cost = instret() - t0;
	t0 = instret();
	shmdt(p);
	detach_cost_last = instret() - t0;
	return cost;
}

/* Marginal instructions per page of shmat and shmdt: the slope from 1 to 16 to 256 pages. */
static void attach_figures(void)
{
	static const long sizes[] = { 1, 16, 256 };
	uint64_t at[3], dt[3];
	for (int i = 0; i < 3; i++) {
		attach_id = shmget(IPC_PRIVATE, (size_t)sizes[i] * PG, 0600);
		attach_cost(0); /* warm: the window allocator exists after this */
		at[i] = cheapest(attach_cost, 0);
		dt[i] = UINT64_MAX;
		for (int k = 0; k < REPEAT; k++) {
			attach_cost(0);
			dt[i] = detach_cost_last < dt[i] ? detach_cost_last : dt[i];
		}
		shmctl(attach_id, IPC_RMID, NULL);
		printf("bench: shmat_%lu_pages %lu instructions\n", (unsigned long)sizes[i],
		       (unsigned long)at[i]);
		printf("bench: shmdt_%lu_pages %lu instructions\n", (unsigned long)sizes[i],
		       (unsigned long)dt[i]);
	}
	report("shmat_page", (at[2] - at[0]) / 255, "instructions");
	report("shmdt_page", (dt[2] - dt[0]) / 255, "instructions");
}

/* Give up the hart, first writing an FP register if fp: then the kernel must save this
 * process's FP registers when it leaves, and load them again when it comes back. */
static void yield_dirty(int fp, long i)
{
	if (fp)
		__asm__ volatile("fcvt.d.l ft0, %0" ::"r"(i) : "ft0");
	sched_yield();
}

/* Instructions per switch while two processes hand the hart back and forth n times, each
 * dirtying its FP registers each time if fp. */
static uint64_t switch_cost_with(long n, int fp)
{
	pid_t pid = fork();
	if (pid == 0) {
		for (long i = 0; i < n; i++)
			yield_dirty(fp, i);
		_exit(0);
	}
	sched_yield(); /* let the child reach its loop */
	uint64_t t0 = instret();
	for (long i = 0; i < n; i++)
		yield_dirty(fp, i);
	uint64_t cost = instret() - t0;
	waitpid(pid, NULL, 0);
	return cost / (2 * (uint64_t)n); /* each round is two switches */
}

static uint64_t switch_cost(long n)
{
	return switch_cost_with(n, 0);
}

static uint64_t switch_cost_fp(long n)
{
	return switch_cost_with(n, 1);
}

static uint64_t fork_cost(long unused)
{
	(void)unused;
	uint64_t t0 = instret();
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	waitpid(pid, NULL, 0);
	return instret() - t0;
}

/* The shared ring of the exchange figure: SLOTS blocks and two counters. */
#define SLOTS 16
#define BLOCK 4096
#define TOTAL (4L << 20)

struct ring {
	volatile long produced, consumed;
	char slot[SLOTS][BLOCK];
};

static char src[BLOCK], dst[BLOCK];

/* Copy TOTAL bytes through the ring, producer and consumer in this one process; what clock
 * (instret or rdtime) advanced meanwhile. */
static uint64_t exchange_alone(struct ring *r, uint64_t (*clock)(void))
{
	uint64_t t0 = clock();
	for (long done = 0; done < TOTAL / BLOCK; done++) {
		memcpy(r->slot[done % SLOTS], src, BLOCK);
		memcpy(dst, r->slot[done % SLOTS], BLOCK);
	}
	return clock() - t0;
}

/* Pin the calling thread to hart h. */
static void pin(int h)
{
	cpu_set_t set;
	CPU_ZERO(&set);
	CPU_SET(h, &set);
	sched_setaffinity(0, sizeof(set), &set);
}

/* The same copies, with a child producing and this process consuming; on harts 1 and 0 if
 * pinned. On one hart rdinstret counts the instructions of both. */
static uint64_t exchange_shared(struct ring *r, uint64_t (*clock)(void), int pinned)
{
	r->produced = r->consumed = 0;
	pid_t pid = fork();
	if (pid == 0) {
		if (pinned)
			pin(1);
		for (long n = 0; n < TOTAL / BLOCK; n++) {
			while (n - r->consumed >= SLOTS)
				sched_yield(); /* the ring is full */
			memcpy(r->slot[n % SLOTS], src, BLOCK);
			__sync_synchronize();
			r->produced = n + 1;
		}
		_exit(0);
	}
	if (pinned)
		pin(0);
	uint64_t t0 = clock();
	for (long n = 0; n < TOTAL / BLOCK; n++) {
		while (r->produced <= n)
			sched_yield(); /* the ring is empty */
		__sync_synchronize();
		memcpy(dst, r->slot[n % SLOTS], BLOCK);
		r->consumed = n + 1;
	}
	uint64_t cost = clock() - t0;
	waitpid(pid, NULL, 0);
	return cost;
}

static void exchange_figure(void)
{
	int id = shmget(IPC_PRIVATE, sizeof(struct ring), 0600);
	struct ring *r = shmat(id, NULL, 0);
	memset(src, 'x', sizeof(src));
	exchange_alone(r, instret); /* warm: every page of the ring is backed after this */
	uint64_t alone = exchange_alone(r, instret), shared = exchange_shared(r, instret, 0);
	shmdt(r);
	shmctl(id, IPC_RMID, NULL);
	/* bytes/instruction shared over bytes/instruction alone = alone / shared, in 1/1000 */
	printf("bench: exchange_ratio %lu.%03lu ratio\n", (unsigned long)(alone / shared),
	       (unsigned long)(alone * 1000 / shared % 1000));
}

/* Average instructions for a first touch of each page of a fresh segment, from the trap to
 * the resumed load: frames are allocated and zeroed here (lazy kernels only). */
static void fault_figures(void)
{
	enum { PAGES = 64 };
	int id = shmget(IPC_PRIVATE, PAGES * PG, 0600);
	volatile char *mine = shmat(id, NULL, 0), *other;
	(void)mine[0]; /* the page tables exist after this first fault */
	uint64_t load_cost = UINT64_MAX;
	for (int i = 0; i < REPEAT; i++) { /* a load that does not fault */
		uint64_t t0 = instret();
		(void)mine[0];
		uint64_t c = instret() - t0;
		load_cost = c < load_cost ? c : load_cost;
	}
	uint64_t fresh = 0, existing = 0;
	for (int i = 1; i < PAGES; i++) {
		uint64_t t0 = instret();
		(void)mine[i * PG];
		fresh += instret() - t0 - load_cost;
	}
	/* A second attachment faults onto the frames the first one made. */
	other = shmat(id, NULL, 0);
	(void)other[0];
	for (int i = 1; i < PAGES; i++) {
		uint64_t t0 = instret();
		(void)other[i * PG];
		existing += instret() - t0 - load_cost;
	}
	shmdt((void *)mine);
	shmdt((void *)other);
	shmctl(id, IPC_RMID, NULL);
	report("shm_fault", existing / (PAGES - 1), "instructions");
	report("shm_fault_new", fresh / (PAGES - 1), "instructions");
}

#define HPG (2UL << 20)

/* Instructions per byte of a first touch of a huge page, from the trap to the resumed load:
 * the kernel takes 2 MiB of frames in a row and zeroes every byte (lazy kernels only). The
 * cheapest of REPEAT, each a fresh segment; another attachment keeps the window's tables. */
static void huge_fault_figure(void)
{
	int keep = shmget(IPC_PRIVATE, PG, 0600);
	volatile char *k = shmat(keep, NULL, 0);
	(void)k[0];
	uint64_t load_cost = UINT64_MAX, best = UINT64_MAX;
	for (int i = 0; i < REPEAT; i++) { /* a load that does not fault */
		uint64_t t0 = instret();
		(void)k[0];
		uint64_t c = instret() - t0;
		load_cost = c < load_cost ? c : load_cost;
	}
	for (int i = 0; i < REPEAT; i++) {
		int id = shmget(IPC_PRIVATE, HPG, SHM_HUGETLB | 0600);
		volatile char *p = shmat(id, NULL, 0);
		uint64_t t0 = instret();
		(void)p[0];
		uint64_t c = instret() - t0 - load_cost;
		best = c < best ? c : best;
		shmdt((void *)p);
		shmctl(id, IPC_RMID, NULL);
	}
	shmdt((void *)k);
	shmctl(keep, IPC_RMID, NULL);
	printf("bench: shm_fault_huge %lu.%03lu instructions/byte\n", (unsigned long)(best / HPG),
	       (unsigned long)(best * 1000 / HPG % 1000));
}

/* --- Figures that need a second hart. QEMU 7.2's -icount runs the harts in turn, each for a
 * slice that lasts until the next timer deadline, so a hart that waits for another spins for
 * millions of instructions first: counts would measure QEMU's slices, not the kernel. These
 * are therefore host time (the time CSR, 100 ns a tick) under MTTCG, the median of ROUNDS. */
#define ROUNDS 21

static uint64_t clock_time(void)
{
	return rdtime();
}

/* The median of v[0..n), which it sorts. */
static uint64_t median(uint64_t *v, int n)
{
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && v[j - 1] > v[j]; j--) {
			uint64_t t = v[j];
			v[j] = v[j - 1], v[j - 1] = t;
		}
	return v[n / 2];
}

/* The marks of the figures on two harts (scripts/bench.sh pairs them up). */
enum { DETACH = 1, DETACHED, DETACH_FENCED, DETACHED_FENCED, WAKE, WAKE_SENT, WOKEN };

static volatile int wake_word;       /* the futex the sleeper waits on: its round */
static volatile int sleeper_round;   /* the round the sleeper is about to wait in, plus 1 */
static volatile uint64_t woken_from; /* when the waker called FUTEX_WAKE */
static uint64_t wake_ns[ROUNDS];

/* On hart 1: sleep on wake_word each round, and note how long the wake took to reach it. */
static void *sleeper(void *unused)
{
	(void)unused;
	pin(1);
	for (int i = 0; i < ROUNDS; i++) {
		sleeper_round = i + 1;
		while (wake_word == i)
			syscall(98, &wake_word, 0, i, 0); /* FUTEX_WAIT while it is still i */
		mark(WOKEN);
		wake_ns[i] = (rdtime() - woken_from) * 100;
	}
	return NULL;
}

/* ipi_wake: from FUTEX_WAKE on hart 0 to the woken thread running on hart 1, which was idle
 * in wfi: the kernel makes it runnable and sends an IPI. */
static void ipi_wake_figure(void)
{
	pin(0);
	wake_word = sleeper_round = 0;
	pthread_t t;
	pthread_create(&t, NULL, sleeper, NULL);
	for (int i = 0; i < ROUNDS; i++) {
		while (sleeper_round != i + 1)
			usleep(100);
		/* the sleeper is asleep after 2 ms, and hart 1 in wfi (bench.sh checks that) */
		usleep(2000);
		woken_from = rdtime();
		wake_word = i + 1;
		mark(WAKE);
		syscall(98, &wake_word, 1, 1, 0); /* FUTEX_WAKE one */
		mark(WAKE_SENT);
	}
	pthread_join(t, NULL);
	report("ipi_wake_wall", median(wake_ns, ROUNDS), "ns");
}

static volatile int spinning, spin_stop;

/* Keep hart 1 in this process: its page table stays loaded there. */
static void *spin_on_hart_1(void *unused)
{
	(void)unused;
	pin(1);
	for (spinning = 1; !spin_stop;)
		;
	return NULL;
}

/* The median time of shmdt of one touched page, between marks before and before + 1. */
static uint64_t shmdt_ns(int id, int before)
{
	uint64_t v[ROUNDS];
	for (int i = 0; i < ROUNDS; i++) {
		volatile char *p = shmat(id, NULL, 0);
		*p = 1;
		uint64_t t0 = rdtime();
		if (before == DETACH) {
			mark(DETACH);
			shmdt((void *)p);
			mark(DETACHED);
		} else {
			mark(DETACH_FENCED);
			shmdt((void *)p);
			mark(DETACHED_FENCED);
		}
		v[i] = (rdtime() - t0) * 100;
	}
	return median(v, ROUNDS);
}

/* shootdown: shmdt of one page when no other hart holds the page table (no IPI), and when a
 * thread of the process runs on hart 1 (a remote fence through SBI, waited for). */
static void shootdown_figures(void)
{
	pin(0);
	int id = shmget(IPC_PRIVATE, PG, 0600);
	uint64_t alone = shmdt_ns(id, DETACH);
	pthread_t t;
	spin_stop = 0;
	pthread_create(&t, NULL, spin_on_hart_1, NULL);
	while (!spinning)
		sched_yield(); /* it starts here, on hart 0, then moves to hart 1 */
	uint64_t fenced = shmdt_ns(id, DETACH_FENCED);
	spin_stop = 1;
	pthread_join(t, NULL);
	shmctl(id, IPC_RMID, NULL);
	report("shmdt_no_fence_wall", alone, "ns");
	report("shmdt_remote_fence_wall", fenced, "ns");
}

/* kill: from kill(SIGKILL) on hart 0 of a process spinning on hart 1 until waitpid has its
 * status: an IPI stops it at once, not at its hart's next 10 ms tick. */
static void kill_figure(void)
{
	pin(0);
	uint64_t v[ROUNDS];
	int id = shmget(IPC_PRIVATE, PG, 0600);
	volatile int *running = shmat(id, NULL, 0);
	for (int i = 0; i < ROUNDS; i++) {
		*running = 0;
		pid_t pid = fork();
		if (pid == 0) {
			pin(1);
			for (*running = 1;;)
				;
		}
		while (!*running)
			;
		uint64_t t0 = rdtime();
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		v[i] = (rdtime() - t0) / 10;
	}
	shmdt((void *)running);
	shmctl(id, IPC_RMID, NULL);
	report("kill_other_hart_wall", median(v, ROUNDS), "us");
}

/* exchange_ratio_smp: the ring of exchange_figure with producer and consumer on two harts at
 * once, over the copies in one process, in host time: the median of 5 runs each. */
static void exchange_smp_figure(void)
{
	int id = shmget(IPC_PRIVATE, sizeof(struct ring), 0600);
	struct ring *r = shmat(id, NULL, 0);
	memset(src, 'x', sizeof(src));
	uint64_t alone[5], shared[5];
	exchange_alone(r, clock_time); /* warm */
	for (int i = 0; i < 5; i++) {
		alone[i] = exchange_alone(r, clock_time);
		shared[i] = exchange_shared(r, clock_time, 1);
	}
	uint64_t a = median(alone, 5), b = median(shared, 5);
	shmdt(r);
	shmctl(id, IPC_RMID, NULL);
	printf("bench: exchange_ratio_smp_wall %lu.%03lu ratio\n", (unsigned long)(a / b),
	       (unsigned long)(a * 1000 / b % 1000));
}

static void smp_figures(void)
{
	ipi_wake_figure();
	shootdown_figures();
	kill_figure();
	exchange_smp_figure();
}

int main(void)
{
	if (sysconf(_SC_NPROCESSORS_ONLN) > 1) {
		smp_figures();
		return 0;
	}
	if (RVSHM_LAZY) {
		fault_figures();
		huge_fault_figure();
		return 0;
	}
	report("syscall_null", cheapest(getpid_cost, 1000), "instructions");
	report("syscall_null_wall", cheapest(getpid_wall, 10000), "ns");
	report("usleep_1ms_wall", cheapest(usleep_wall, 100), "us");
	report("shmget_1page", cheapest(shmget_cost, 1), "instructions");
	attach_figures();
	report("ctx_switch", cheapest(switch_cost, 200), "instructions");
	report("ctx_switch_fp", cheapest(switch_cost_fp, 200), "instructions");
	report("fork", cheapest(fork_cost, 0), "instructions");
	exchange_figure();
	return 0;
}
