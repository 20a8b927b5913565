/*
 * The syscall fuzzer: a seeded, repeatable stream of every rvshm syscall with hostile
 * arguments (boundary sizes, random, stale and live ids, NULL, kernel, MMIO, wrapping and
 * straddling pointers, int arguments with garbage in the high 32 bits, unknown numbers).
 *
 * Every result is judged twice:
 *   1. against the errnos documented for that syscall: any other errno is a violation;
 *   2. against a model of this process (its memory map, its segments and attachments, its
 *      children) that says whether the call must succeed, must fail with one errno, or may
 *      do either. It says "either" only where it cannot know: what an unreaped child may
 *      have made or may still hold.
 * Forked children do shared-memory work and then exit, die by a fault while still attached,
 * or drop to uid 1000 and try what needs permission; the parent checks how each one ended.
 * Children act only when the parent tells them to (one step at a time, through a page of
 * shared memory, the baton), so a run depends on its seed alone and a violation repeats.
 *
 *   -DFUZZ_SEED=n -DFUZZ_CALLS=n   the stream; a violation names its seed and call index
 *   -DFUZZ_TRACE                   print every call as it is made
 *   -DFUZZ_STATS                   print, per syscall, how often each result came back
 */
#define _GNU_SOURCE /* for IPC_INFO and RUSAGE_THREAD */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/shm.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef FUZZ_SEED
#define FUZZ_SEED 1
#endif
#ifndef FUZZ_CALLS
#define FUZZ_CALLS 20000
#endif

/* The syscall numbers, from the list the kernel and the user stubs are made from. */
enum {
#define SYSCALL(nr, name, params, args) SYS_##name = nr,
#include "../../../syscall/syscalls.def"
#undef SYSCALL
};

static const struct {
	long nr;
	const char *name;
} syscalls[] = {
#define SYSCALL(nr, name, params, args) { nr, #name },
#include "../../../syscall/syscalls.def"
#undef SYSCALL
};
#define NSYSCALLS (sizeof(syscalls) / sizeof(syscalls[0]))

/* The memory map (kernel/memlayout.h with the Makefile's default configuration). */
#define PG 4096UL
#define PGUP(a) (((a) + PG - 1) & ~(PG - 1))
#define PGDOWN(a) ((a) & ~(PG - 1))
#define INIT_PID 1 /* the kernel, as init: the parent of programs started at boot */
#define USER_BASE 0x10000UL
#define STACK_TOP 0x20000000UL
#define STACK_BOTTOM (STACK_TOP - 8 * PG)   /* the pages mapped at start */
#define STACK_LIMIT (STACK_TOP - 256 * PG)  /* the stack grows on first touch down to here */
#define HEAP_LIMIT (STACK_LIMIT - 256 * PG) /* the stack's guard gap starts here */
#define WIN_BASE 0x40000000UL
#define SEG_PAGES 1024UL /* the largest segment */
#define SEG_MAX (SEG_PAGES * PG)
#define WIN_PAGES (64 * SEG_PAGES)
#define HPG (2UL << 20)        /* a huge page (SHM_HUGETLB) */
#define HPG_PAGES (HPG / PG)   /* its pages: it starts on a multiple of these in the window */
#define KID_SEG_MAX (256 * PG) /* the largest segment a child makes */
/* The pages our segments may hold at most (64 MiB of the 128): a fork, a brk and a lazy touch of
 * a huge page must always find memory. */
#define BUDGET_PAGES 16384
#define WIN_END (WIN_BASE + WIN_PAGES * PG)
#define USER_TOP 0x80000000UL
#define KERNEL_TEXT 0x80200000UL
#define KMMIO(pa) (0xffffffc000000000UL + (pa))
#define NSLOTS 64  /* segments in the system */
#define NATTACH 64 /* attachments per process */

/* Keys: the parent's come from KEY_A, the n-th child's from KEY_B + KIDKEYS * (n % 64). The
 * parent never picks a child's key at random, so it knows every segment that has a key. */
#define KEY_A 0x5a000000
#define NKEY_A 32
#define KEY_B 0x5b000000
#define KIDKEYS 8
#define NKEY_B (64 * KIDKEYS)

#define BIT(e) (1UL << (e))
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define ONE_OF(...)                                                                                \
	one_of((const uint64_t[]){ __VA_ARGS__ },                                                  \
	       sizeof((const uint64_t[]){ __VA_ARGS__ }) / sizeof(uint64_t))

static uint64_t rng;
static unsigned long ncalls, nviolations, nchildren, nsyscalls;
static int in_child;     /* this process is a forked child */
static pid_t self_pid;   /* getpid(), as the model knows it */
static pid_t parent_pid; /* in a child: the fuzzer's pid */
static gid_t cur_gid;    /* our gid and egid (setgid is fuzzed; setuid never leaves uid 0) */
static int lazy;         /* shared memory is backed at first touch (found out at startup) */

/* --- Randomness --- */

/* xorshift64*: the next pseudo-random number. */
static uint64_t rnd(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 0x2545f4914f6cdd1dULL;
}

/* Start call i's stream: splitmix64 of (seed, i), so that what a call does depends only on
 * the seed, its index and the model, not on how many numbers earlier calls drew. */
static void reseed(uint64_t seed, uint64_t i)
{
	uint64_t z = seed * 0x9e3779b97f4a7c15ULL + i + 0x6a09e667f3bcc909ULL;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	rng = (z ^ (z >> 31)) | 1;
}

/* A number in [0, n), for n > 0. */
static uint64_t below(uint64_t n)
{
	return rnd() % n;
}

/* True pct times in a hundred. */
static int chance(unsigned pct)
{
	return below(100) < pct;
}

/* One of n values, at random. */
static uint64_t one_of(const uint64_t *v, size_t n)
{
	return v[below(n)];
}

/* An int argument as a register holds it: sign-extended, or with garbage in the high half,
 * which the kernel must ignore (syscalls.def declares the parameter an int). */
static uint64_t int_arg(int v)
{
	return chance(20) ? (uint64_t)(uint32_t)v | rnd() << 32 : (uint64_t)(int64_t)v;
}

/* --- Calls and verdicts --- */

struct call {
	long nr;
	uint64_t a[6];
	long ret; /* what syscall() returned: -1 means failure, with err */
	int err;
};

/* What the model allows a call to return. */
struct want {
	int ok;    /* success is allowed */
	int exact; /* ... and must return value */
	long value;
	unsigned long errs; /* BIT(e): failing with errno e is allowed */
};

/* The call must fail with errno e. */
static struct want must_fail(int e)
{
	return (struct want){ 0, 0, 0, BIT(e) };
}

/* The call must succeed and return v. */
static struct want must_return(long v)
{
	return (struct want){ 1, 1, v, 0 };
}

/* The call may succeed, or fail with an errno of errs. */
static struct want may_succeed(unsigned long errs)
{
	return (struct want){ 1, 0, 0, errs };
}

/* Is nr in syscalls.def? */
static int is_known(long nr)
{
	for (size_t i = 0; i < NSYSCALLS; i++)
		if (syscalls[i].nr == nr)
			return 1;
	return 0;
}

/* The name of syscall nr, for reports. */
static const char *sysname(long nr)
{
	for (size_t i = 0; i < NSYSCALLS; i++)
		if (syscalls[i].nr == nr)
			return syscalls[i].name;
	return "unknown";
}

/* The errnos syscall nr is documented to fail with; 0 for one that never fails. */
static unsigned long documented(long nr)
{
	switch (nr) {
	case SYS_write:
		return BIT(EBADF) | BIT(EFAULT);
	case SYS_setuid:
	case SYS_setgid:
		return BIT(EINVAL) | BIT(EPERM);
	case SYS_nanosleep:
	case SYS_clock_gettime:
	case SYS_getrusage:
		return BIT(EINVAL) | BIT(EFAULT);
	case SYS_kill:
		return BIT(EINVAL) | BIT(ESRCH) | BIT(EPERM);
	case SYS_sysinfo:
		return BIT(EFAULT);
	case SYS_shmget:
		return BIT(EINVAL) | BIT(ENOENT) | BIT(EEXIST) | BIT(ENOSPC) | BIT(ENOMEM) |
		       BIT(EACCES);
	case SYS_shmctl:
		return BIT(EINVAL) | BIT(EFAULT) | BIT(EACCES) | BIT(EPERM);
	case SYS_shmat:
		return BIT(EINVAL) | BIT(EACCES) | BIT(ENOMEM) | BIT(EMFILE);
	case SYS_shmdt:
		return BIT(EINVAL);
	case SYS_wait4:
		return BIT(ECHILD) | BIT(EINVAL) | BIT(EFAULT) | BIT(EINTR) | BIT(ESRCH);
	case SYS_fork:
		return BIT(EAGAIN) | BIT(ENOMEM);
	default: /* exit, brk, the getters and sched_yield never fail */
		return is_known(nr) ? 0 : BIT(ENOSYS);
	}
}

/* The symbolic name of errno e. */
static const char *errname(int e)
{
	static const char *const names[] = {
		[EPERM] = "EPERM",   [ENOENT] = "ENOENT", [ESRCH] = "ESRCH",   [EINTR] = "EINTR",
		[EBADF] = "EBADF",   [ECHILD] = "ECHILD", [EAGAIN] = "EAGAIN", [ENOMEM] = "ENOMEM",
		[EACCES] = "EACCES", [EFAULT] = "EFAULT", [EBUSY] = "EBUSY",   [EEXIST] = "EEXIST",
		[EINVAL] = "EINVAL", [EMFILE] = "EMFILE", [ENOSPC] = "ENOSPC", [ENOSYS] = "ENOSYS",
	};
	return e > 0 && e < (int)ARRAY_LEN(names) && names[e] ? names[e] : "E?";
}

/* Count a violation and print it (the first 60 in full) as one line, so that lines from
 * children running at the same time never mix. */
static void violation(const char *fmt, ...)
{
	char line[400];
	int n;
	if (++nviolations > 60) {
		if (nviolations == 61)
			printf("fuzz: further violations are counted, not printed\n");
		return;
	}
	if (in_child)
		n = snprintf(line, sizeof(line),
			     "fuzz: violation in child %d forked at call %lu: ", self_pid, ncalls);
	else
		n = snprintf(line, sizeof(line), "fuzz: violation at call %lu (seed %lu): ", ncalls,
			     (unsigned long)FUZZ_SEED);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line + n, sizeof(line) - n, fmt, ap);
	va_end(ap);
	printf("%s\n", line);
}

#ifdef FUZZ_STATS
static unsigned long stats[NSYSCALLS + 1][64]; /* [syscall or unknown][0 = success, errno] */

/* Count the outcome of call c. */
static void count(const struct call *c)
{
	size_t i = 0;
	while (i < NSYSCALLS && syscalls[i].nr != c->nr)
		i++;
	stats[i][c->ret == -1 && c->err > 0 && c->err < 64 ? c->err : 0]++;
}

/* Print the outcome counts, one line per syscall. */
static void print_stats(void)
{
	for (size_t i = 0; i <= NSYSCALLS; i++) {
		char line[300];
		int n = snprintf(line, sizeof(line), "fuzz: stats %s: ok %lu",
				 i < NSYSCALLS ? syscalls[i].name : "unknown", stats[i][0]);
		for (int e = 1; e < 64; e++)
			if (stats[i][e])
				n += snprintf(line + n, sizeof(line) - n, ", %s %lu", errname(e),
					      stats[i][e]);
		printf("%s\n", line);
	}
}
#else
#define count(c) ((void)(c))
#define print_stats() ((void)0)
#endif

/* Make call c with its raw register arguments; fill in its result and errno. */
static void issue(struct call *c)
{
	errno = 0;
	c->ret = syscall(c->nr, (long)c->a[0], (long)c->a[1], (long)c->a[2], (long)c->a[3],
			 (long)c->a[4], (long)c->a[5]);
	c->err = c->ret == -1 ? errno : 0;
	nsyscalls++;
	if (!in_child)
		count(c);
#ifdef FUZZ_TRACE
	printf("fuzz: call %lu: %s(%#lx, %#lx, %#lx, %#lx) = %ld %s\n", ncalls, sysname(c->nr),
	       c->a[0], c->a[1], c->a[2], c->a[3], c->ret, c->ret == -1 ? errname(c->err) : "");
#endif
}

/* Spell out w, for a report. */
static void describe(struct want w, char *buf, size_t size)
{
	int n = snprintf(buf, size, "%s", !w.ok ? "" : w.exact ? " success" : " success or");
	if (w.ok && w.exact)
		n += snprintf(buf + n, size - n, " = %ld (%#lx)", w.value, (unsigned long)w.value);
	for (int e = 1; e < 64 && n < (int)size; e++)
		if (w.errs & BIT(e))
			n += snprintf(buf + n, size - n, " %s", errname(e));
}

/* Judge a finished call: the syscall's documented errnos first, then the model's want.
 * Returns whether it passed. */
static int check(const struct call *c, struct want w)
{
	const char *why = NULL;
	if (c->ret == -1) {
		if (c->err <= 0 || c->err >= 64 || !(documented(c->nr) & BIT(c->err)))
			why = "an errno not documented for this syscall";
		else if (!(w.errs & BIT(c->err)))
			why = "an errno the model rules out";
	} else if (!w.ok) {
		why = "success where the model expects failure";
	} else if (w.exact && c->ret != w.value) {
		why = "the wrong value";
	}
	if (!why)
		return 1;
	char expected[160];
	describe(w, expected, sizeof(expected));
	violation("%s(%#lx, %#lx, %#lx, %#lx) = %ld %s: %s; expected%s", sysname(c->nr), c->a[0],
		  c->a[1], c->a[2], c->a[3], c->ret, c->ret == -1 ? errname(c->err) : "", why,
		  expected);
	return 0;
}

/* Make a call with arguments a0..a3 and judge it against w. Returns its result. */
static long expect_call(long nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, struct want w)
{
	struct call c = { .nr = nr, .a = { a0, a1, a2, a3, rnd(), rnd() } };
	issue(&c);
	check(&c, w);
	return c.ret;
}

/* --- The model of shared memory: our segments, our attachments, our window --- */

struct seg {
	int used;
	int id;
	int removed; /* IPC_RMID done: no key any more; it lives while anyone is attached */
	int foreign; /* a child's segment that we attached by a guessed id */
	int dirty;   /* may have been written: no longer known to read as zeros */
	int huge;    /* made with SHM_HUGETLB: npages is a multiple of HPG_PAGES */
	key_t key;
	size_t size, npages;
	unsigned mode; /* the low 9 bits */
	int locked;    /* SHM_LOCK done (and no SHM_UNLOCK since) */
	uid_t uid;
	gid_t gid, cgid;
	int natt; /* our attachments of it */
};
#define NSEG 160
static struct seg segs[NSEG];
static int dead_ids[64]; /* ids destroyed for certain: never valid again */
static unsigned ndead;

struct att {
	uintptr_t va;
	size_t npages;
	struct seg *s; /* NULL in a child for what it attached itself */
	int rdonly;
};
static struct att atts[NATTACH];
static int natts;
static uint64_t win_map[WIN_PAGES / 64]; /* one bit per window page: attached */

/* Children: the parent keeps at most MAX_KIDS unreaped. */
enum plan { PLAN_SHM, PLAN_USER, PLAN_SHARE };
enum end { END_EXIT, END_NULL, END_RDONLY, END_JUMP, END_KILLSELF, END_AMO };
struct kid {
	pid_t pid; /* 0: a free entry */
	int alive; /* it can still act (PLAN_SHM); 0 once it has died: a zombie until reaped */
	int steps; /* steps it takes before its end */
	int plan, end;
	int exit_arg;  /* END_EXIT: the argument to exit */
	int want_exit; /* the exit status it should end with, or ... */
	int want_sig;  /* ... when non-zero, the signal that should kill it */
	key_t keybase;
};
#define MAX_KIDS 4
#define KID_VIOLATED 200 /* a child's exit status when it saw a violation itself */
static struct kid kids[MAX_KIDS];
static int live_kids; /* children not yet reaped, alive or not */

/* The baton: a page of shared memory, attached before any fork and so in every child, by
 * which the parent tells a child to take a step or to end. It is no part of the model. */
struct baton_slot {
	uint64_t seq; /* the parent's last command */
	uint64_t ack; /* the last command the child has carried out */
	int cmd;
	unsigned long violations; /* the child's count so far */
};
enum { CMD_STEP = 1, CMD_END };
#define BATON_VA (WIN_END - PG)
#define baton ((volatile struct baton_slot *)BATON_VA)
#define OUR_ATTACH (NATTACH - 1) /* attachments the model may hold: the baton is one */
static int baton_id = -1;
static pid_t reaped[16];
static unsigned nreaped;

enum { NO, YES, MAYBE };

/* The model's entry for segment id, or NULL. */
static struct seg *seg_by_id(int id)
{
	for (int i = 0; i < NSEG; i++)
		if (segs[i].used && segs[i].id == id)
			return &segs[i];
	return NULL;
}

/* Our live segment with key (not IPC_PRIVATE), or NULL. */
static struct seg *seg_by_key(key_t key)
{
	for (int i = 0; i < NSEG; i++)
		if (segs[i].used && !segs[i].removed && !segs[i].foreign && segs[i].key == key)
			return &segs[i];
	return NULL;
}

/* A random entry of the model, or NULL if it is empty. */
static struct seg *seg_random(void)
{
	int start = (int)below(NSEG);
	for (int i = 0; i < NSEG; i++)
		if (segs[(start + i) % NSEG].used)
			return &segs[(start + i) % NSEG];
	return NULL;
}

/* Was id destroyed for certain? (Ids are never reused: the slot's count is part of it.) */
static int is_dead(int id)
{
	for (unsigned i = 0; i < ndead && i < ARRAY_LEN(dead_ids); i++)
		if (dead_ids[i] == id)
			return 1;
	return 0;
}

/* Forget s; if it was ours it has been destroyed, and its id is dead for good. */
static void seg_forget(struct seg *s)
{
	if (!s->foreign)
		dead_ids[ndead++ % ARRAY_LEN(dead_ids)] = s->id;
	memset(s, 0, sizeof(*s));
}

/* Does a segment with this id exist? Only an unreaped child makes the answer unsure: it may
 * hold a segment we removed, or have made one of its own. */
static int exists(int id)
{
	if (id == baton_id)
		return YES;
	if (id < 0 || is_dead(id))
		return NO;
	struct seg *s = seg_by_id(id);
	if (s && (!s->removed || s->natt > 0))
		return YES;
	return live_kids ? MAYBE : NO;
}

/* Segment slots in use, exact when no child is running. */
static int slots_used(void)
{
	int n = baton_id >= 0;
	for (int i = 0; i < NSEG; i++)
		n += segs[i].used && (!segs[i].removed || segs[i].natt > 0);
	return n;
}

/* Drop removed segments nobody holds: called when the last child has been reaped. */
static void sweep(void)
{
	for (int i = 0; i < NSEG; i++)
		if (segs[i].used && segs[i].removed && segs[i].natt == 0)
			seg_forget(&segs[i]);
}

/* Mark every segment as possibly written: a child may write any of them. */
static void all_dirty(void)
{
	for (int i = 0; i < NSEG; i++)
		segs[i].dirty = 1;
}

/* Is window page i attached? */
static int win_busy(size_t i)
{
	return (win_map[i / 64] >> (i % 64)) & 1;
}

/* Mark n window pages from va as attached or not. */
static void win_set(uintptr_t va, size_t n, int busy)
{
	for (size_t i = (va - WIN_BASE) / PG; n > 0; i++, n--) {
		if (busy)
			win_map[i / 64] |= 1UL << (i % 64);
		else
			win_map[i / 64] &= ~(1UL << (i % 64));
	}
}

/* Are the n window pages from va all free? */
static int win_free(uintptr_t va, size_t n)
{
	for (size_t i = (va - WIN_BASE) / PG; n > 0; i++, n--)
		if (win_busy(i))
			return 0;
	return 1;
}

/* Is there a run of n free pages in the window that starts at a multiple of align pages (from
 * the window's start, which is 2 MiB-aligned)? */
static int win_fits(size_t n, size_t align)
{
	size_t run = 0;
	for (size_t i = 0; i < WIN_PAGES; i++) {
		if (run == 0 && i % 64 == 0 && win_map[i / 64] == ~0UL) {
			i += 63;
			continue;
		}
		if (win_busy(i) || (run == 0 && i % align != 0)) {
			run = 0;
			continue;
		}
		if (++run == n)
			return 1;
	}
	return 0;
}

/* Our attachment containing va, or NULL. */
static struct att *att_at(uintptr_t va)
{
	for (int i = 0; i < natts; i++)
		if (va >= atts[i].va && va - atts[i].va < atts[i].npages * PG)
			return &atts[i];
	return NULL;
}

/* Our attachment starting exactly at va, or NULL. */
static struct att *att_starting(uintptr_t va)
{
	for (int i = 0; i < natts; i++)
		if (atts[i].va == va)
			return &atts[i];
	return NULL;
}

/* Record an attachment of s (npages) at va. */
static void att_add(uintptr_t va, size_t npages, struct seg *s, int rdonly)
{
	if (natts == OUR_ATTACH)
		return;
	atts[natts++] = (struct att){ va, npages, s, rdonly };
	win_set(va, npages, 1);
	if (s)
		s->natt++;
}

/* Forget attachment a after a successful shmdt; the last one may take its segment along. */
static void att_del(struct att *a)
{
	struct seg *s = a->s;
	win_set(a->va, a->npages, 0);
	*a = atts[--natts];
	if (!s || --s->natt > 0)
		return;
	if (s->foreign)
		memset(s, 0, sizeof(*s)); /* not ours: we no longer know anything of it */
	else if (s->removed && live_kids == 0)
		seg_forget(s);
}

/* --- The model of our memory map: which pointers the kernel must accept --- */

static uintptr_t image_end; /* the break at startup: the heap starts here */
static uintptr_t cur_brk;
static char scratch[3 * PG] __attribute__((aligned(4096))); /* calls may write anywhere here */
#define STACK_BUF 256
static char *stack_buf; /* STACK_BUF bytes in main's frame, just as free to write */
static const char ro_page[PG] __attribute__((aligned(4096))) = "a page of rodata";

enum kind { K_NONE, K_RO, K_IMAGE, K_SCRATCH, K_HEAP, K_STACK, K_SHM_RO, K_SHM_RW };
enum verdict { GOOD, BAD, UNSURE };

/* What the page holding va is to us. K_IMAGE: readable, writable or not (we don't track). */
static enum kind page_kind(uintptr_t va)
{
	uintptr_t page = PGDOWN(va);
	if (page < USER_BASE)
		return K_NONE;
	if (page < image_end) {
		if (page >= (uintptr_t)scratch && page < (uintptr_t)scratch + sizeof(scratch))
			return K_SCRATCH;
		if (page == PGDOWN((uintptr_t)page_kind) || page == (uintptr_t)ro_page)
			return K_RO; /* text, rodata */
		return K_IMAGE;
	}
	if (page < PGUP(cur_brk))
		return K_HEAP;
	if (page < STACK_LIMIT)
		return K_NONE;
	if (page < STACK_TOP)
		return K_STACK;
	if (page == BATON_VA)
		return K_IMAGE; /* readable; calls must never store there */
	struct att *a = page >= WIN_BASE && page < WIN_END ? att_at(page) : NULL;
	if (a)
		return a->rdonly ? K_SHM_RO : K_SHM_RW;
	return K_NONE;
}

/* Must the kernel let us read (or write, if store) all of [p, p + n)? UNSURE only for stores
 * to image pages, which the fuzzer never makes on purpose. */
static enum verdict range(uintptr_t p, size_t n, int store)
{
	if (n == 0) /* as Linux's access_ok: an empty range must still start in the user half */
		return p <= USER_TOP ? GOOD : BAD;
	if (p >= USER_TOP || n > USER_TOP - p)
		return BAD;
	int unsure = 0;
	for (uintptr_t va = PGDOWN(p); va < p + n; va += PG) {
		enum kind k = page_kind(va);
		if (k == K_NONE || (store && (k == K_RO || k == K_SHM_RO)))
			return BAD;
		unsure |= store && k == K_IMAGE;
	}
	return unsure ? UNSURE : GOOD;
}

/* Is [p, p + n) inside b..b+size? */
static int inside(uintptr_t p, size_t n, uintptr_t b, size_t size)
{
	return p >= b && p - b <= size && n <= size - (p - b);
}

/* Is all of [p, p + n) memory a call may overwrite: scratch, the stack buffer, the heap, or
 * writable attachments (never the fuzzer's own data)? */
static int scratch_only(uintptr_t p, size_t n)
{
	if (n == 0 || inside(p, n, (uintptr_t)scratch, sizeof(scratch)) ||
	    inside(p, n, (uintptr_t)stack_buf, STACK_BUF))
		return 1;
	if (p >= USER_TOP || n > USER_TOP - p)
		return 0;
	for (uintptr_t va = PGDOWN(p); va < p + n; va += PG)
		if (page_kind(va) != K_HEAP && page_kind(va) != K_SHM_RW)
			return 0;
	return 1;
}

/* Note that [p, p + n) may be written: the segments behind it no longer read as zeros. */
static void dirty(uintptr_t p, size_t n)
{
	if (p >= WIN_END || n > WIN_END - p || p + n <= WIN_BASE)
		return;
	for (uintptr_t va = PGDOWN(p); va < p + n; va += PG) {
		struct att *a = att_at(va);
		if (a && a->s)
			a->s->dirty = 1;
	}
}

/* A pointer from the hostile pool; n is the size of the access, for ranges that straddle an
 * edge (half in, half out). */
static uintptr_t raw_ptr(size_t n)
{
	uintptr_t half = n > 1 ? n / 2 : 1;
	struct att *a = natts ? &atts[below(natts)] : NULL;
	switch (below(16)) {
	case 0:
		return 0;
	case 1:
		return ONE_OF(1, 8, 0xfff, USER_BASE - half);
	case 2:
		return (uintptr_t)scratch + (chance(50) ? below(2 * PG) & ~7UL : below(2 * PG));
	case 3:
		return (uintptr_t)stack_buf + below(STACK_BUF / 2);
	case 4:
		return ONE_OF(0x80000000UL, KERNEL_TEXT, KERNEL_TEXT + below(1 << 20),
			      USER_TOP - half);
	case 5:
		return ONE_OF(0x10000000UL, 0x100000, 0x101000, KMMIO(0x10000000UL),
			      KMMIO(0x100000), KMMIO(0x101000));
	case 6: /* the top of the address space, and non-canonical aliases of our own memory */
		return ONE_OF(-PG, -8UL, -1UL, -half, 1UL << 63, (uintptr_t)scratch | 1UL << 39,
			      (uintptr_t)scratch | 1UL << 63, (uintptr_t)scratch | 1UL << 38);
	case 7:
		return ONE_OF(STACK_TOP - half, STACK_TOP - 8, STACK_TOP, STACK_BOTTOM - half,
			      STACK_BOTTOM - PG, STACK_LIMIT - half, STACK_LIMIT - PG);
	case 8:
		return ONE_OF(image_end, cur_brk, PGUP(cur_brk) - half, cur_brk - 8,
			      image_end - half);
	case 9:
		return ONE_OF(WIN_BASE, WIN_END - half, WIN_END, WIN_BASE - half,
			      WIN_BASE + below(WIN_PAGES) * PG);
	case 10:
	case 11:
		if (!a)
			return WIN_BASE + below(WIN_PAGES * PG);
		return ONE_OF(a->va, a->va + below(a->npages * PG), a->va + a->npages * PG - half,
			      a->va - half, a->va + a->npages * PG);
	case 12:
		return ONE_OF((uintptr_t)page_kind, (uintptr_t)ro_page + below(PG),
			      (uintptr_t)ro_page + PG - half);
	case 13:
		return ONE_OF(USER_TOP - 8, USER_TOP - 1, 0x30000000UL, below(USER_TOP));
	case 14:
		return rnd();
	default:
		return ONE_OF((uintptr_t)&errno, (uintptr_t)&ncalls, (uintptr_t)scratch - half);
	}
}

/* A hostile pointer for an n-byte access. For a store, one the kernel must refuse or one
 * into scratch memory: never one that could let a call overwrite the fuzzer's own data. */
static uintptr_t pick_ptr(size_t n, int store)
{
	for (int tries = 0; tries < 32; tries++) {
		uintptr_t p = raw_ptr(n);
		if (!store)
			return p;
		enum verdict v = range(p, n, 1);
		if (v == GOOD && scratch_only(p, n))
			dirty(p, n);
		if (v == BAD || (v == GOOD && scratch_only(p, n)))
			return p;
	}
	return 0;
}

/* A pointer to n bytes the kernel must refuse to read. */
static uintptr_t bad_ptr(size_t n)
{
	for (int tries = 0; tries < 32; tries++) {
		uintptr_t p = raw_ptr(n);
		if (range(p, n, 0) == BAD)
			return p;
	}
	return 0;
}

/* A size: random, or one of the boundaries. */
static size_t pick_size(void)
{
	if (chance(50))
		return 1 + below(16 * PG);
	return ONE_OF(0, 1, PG - 1, PG, PG + 1, 2 * PG, 3 * PG + 5, SEG_MAX - 1, SEG_MAX,
		      SEG_MAX + 1, 1UL << 32, 1UL << 40, -1UL, -PG, 0x80000000UL);
}

/* --- Children (forward) --- */

static void kid_done(pid_t pid, int status, int have_status);
static struct kid *kid_by_pid(pid_t pid);
static void kid_await_death(struct kid *k);
static int zombies(int pid);

/* --- One fuzzer per syscall --- */

/* write: a console fd only with length 0 or an unreadable first chunk (nothing is printed),
 * any pointer and length with a bad fd. */
static void fuzz_write(void)
{
	int fd = chance(60) ? (int)ONE_OF(1, 2, 0, 3, -1, 1000, INT32_MIN) : (int)rnd();
	size_t n = pick_size();
	struct call c = { .nr = SYS_write, .a = { int_arg(fd), 0, 0, rnd() } };
	struct want w;
	if (fd != 1 && fd != 2) {
		c.a[1] = raw_ptr(n);
		w = must_fail(EBADF);
	} else if (n == 0 || chance(20)) {
		n = 0;
		c.a[1] = raw_ptr(0);
		w = range(c.a[1], 0, 0) == BAD ? must_fail(EFAULT) : must_return(0);
	} else {
		c.a[1] = bad_ptr(n < 128 ? n : 128); /* the kernel copies 128 bytes at a time */
		w = must_fail(EFAULT);
	}
	c.a[2] = n;
	issue(&c);
	check(&c, w);
}

/* The number of the syscall called name in syscalls.def, or -1. */
static long nr_of(const char *name)
{
	for (size_t i = 0; i < NSYSCALLS; i++)
		if (strcmp(syscalls[i].name, name) == 0)
			return syscalls[i].nr;
	return -1;
}

/* The getters, sched_yield and (twice a run: it prints a picture) vmprint, with garbage
 * arguments they must ignore. */
static void fuzz_ids(void)
{
	static int vmprints;
	if (chance(1) && vmprints < 2 && nr_of("vmprint") >= 0) {
		vmprints++;
		expect_call(nr_of("vmprint"), rnd(), rnd(), rnd(), rnd(), must_return(0));
		return;
	}
	long nr = (long)ONE_OF(SYS_getpid, SYS_getppid, SYS_getuid, SYS_geteuid, SYS_getgid,
			       SYS_getegid, SYS_sched_yield);
	long want = nr == SYS_getpid                        ? self_pid
		    : nr == SYS_getppid                     ? INIT_PID /* started at boot */
		    : nr == SYS_getgid || nr == SYS_getegid ? (long)cur_gid
							    : 0; /* uid 0 */
	expect_call(nr, rnd(), rnd(), rnd(), rnd(), must_return(want));
}

/* setuid only to values that leave us root (or are invalid); setgid to anything. */
static void fuzz_setid(void)
{
	if (chance(50)) {
		uint64_t a = ONE_OF(0, 0xffffffffUL, -1UL, 1UL << 32, 0xffffffff00000000UL,
				    rnd() << 32, rnd() << 32 | 0xffffffffUL);
		struct want w = (uint32_t)a == 0xffffffffU ? must_fail(EINVAL) : must_return(0);
		expect_call(SYS_setuid, a, rnd(), rnd(), rnd(), w);
		return;
	}
	uint64_t a = ONE_OF(0, 100, 4242, 0xffffffffUL, -1UL, cur_gid, rnd());
	struct want w = (uint32_t)a == 0xffffffffU ? must_fail(EINVAL) : must_return(0);
	if (expect_call(SYS_setgid, a, rnd(), rnd(), rnd(), w) == 0)
		cur_gid = (gid_t)a;
}

/* Is ts a time nanosleep accepts? */
static int valid_time(const struct timespec *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 && ts->tv_nsec < 1000000000L;
}

/* nanosleep: tiny valid sleeps, invalid times, and hostile pointers for both arguments. */
static void fuzz_nanosleep(void)
{
	static const struct timespec times[] = {
		{ 0, 0 },           { 0, 1 },         { 0, 1000 },        { 0, 5000 },
		{ 0, 1000000000L }, { 0, -1 },        { -1, 0 },          { -1, -1 },
		{ INT64_MIN, 0 },   { 0, INT64_MAX }, { 5, 1000000000L }, { INT64_MAX, -1 },
	};
	struct timespec req = times[below(ARRAY_LEN(times))];
	uintptr_t ureq = pick_ptr(sizeof(req), chance(60)); /* often one we can store to */
	uintptr_t urem = chance(40) ? 0 : pick_ptr(sizeof(req), 1);
	struct call c = { .nr = SYS_nanosleep, .a = { ureq, urem, rnd(), rnd() } };
	if (range(ureq, sizeof(req), 0) == GOOD) { /* the last thing before the call: the
						     * pointer may be to our own variables */
		if (scratch_only(ureq, sizeof(req)) && range(ureq, sizeof(req), 1) == GOOD) {
			memcpy((void *)ureq, &req, sizeof(req));
			dirty(ureq, sizeof(req));
		}
		memcpy(&req, (const void *)ureq, sizeof(req)); /* what the kernel will read */
		if (valid_time(&req) && (req.tv_sec > 0 || req.tv_nsec > 20000))
			c.a[0] = ureq = 0; /* no long sleeps */
	}
	/* rem is written only when a signal cuts a sleep short, which never happens here (a
	 * signal that wakes a sleeper ends it): so it is neither checked nor touched. */
	struct want w = range(ureq, sizeof(req), 0) == BAD ? must_fail(EFAULT)
			: !valid_time(&req)                ? must_fail(EINVAL)
							   : must_return(0);
	int mine = inside(urem, sizeof(req), (uintptr_t)scratch, sizeof(scratch));
	struct timespec rem_before = { 0, 0 }, rem_after;
	if (mine)
		memcpy(&rem_before, (const void *)urem, sizeof(rem_before));
	issue(&c);
	if (check(&c, w) && mine) {
		memcpy(&rem_after, (const void *)urem, sizeof(rem_after));
		if (memcmp(&rem_before, &rem_after, sizeof(rem_after)) != 0)
			violation("nanosleep wrote to rem, which only an interrupted sleep does");
	}
}

/* getrusage: both kinds and bad ones, into hostile pointers. */
static void fuzz_getrusage(void)
{
	int who = chance(80) ? (int)ONE_OF(RUSAGE_SELF, RUSAGE_CHILDREN, RUSAGE_THREAD)
			     : (int)ONE_OF(-2, 2, rnd());
	int known = who == RUSAGE_SELF || who == RUSAGE_CHILDREN || who == RUSAGE_THREAD;
	uintptr_t p = pick_ptr(sizeof(struct rusage), 1);
	struct want w = !known                                      ? must_fail(EINVAL)
			: range(p, sizeof(struct rusage), 1) == BAD ? must_fail(EFAULT)
								    : must_return(0);
	expect_call(SYS_getrusage, int_arg(who), p, rnd(), rnd(), w);
}

/* clock_gettime: both clocks and bad ones, into hostile pointers; times must make sense. */
static void fuzz_clock(void)
{
	static struct timespec last_mono;
	int clk = chance(70) ? (int)below(8)
			     : (int)ONE_OF(8, 9, 10, 11, 12, -1, INT32_MAX, INT32_MIN, rnd());
	/* Linux's clocks: all but the alarm clocks (8 to 10), which need an alarm timer. */
	int known = (clk >= 0 && clk <= 7) || clk == 11;
	uintptr_t p = pick_ptr(sizeof(struct timespec), 1);
	struct want w = !known                                        ? must_fail(EINVAL)
			: range(p, sizeof(struct timespec), 1) == BAD ? must_fail(EFAULT)
								      : must_return(0);
	struct call c = { .nr = SYS_clock_gettime, .a = { int_arg(clk), p, rnd(), rnd() } };
	issue(&c);
	if (!check(&c, w) || c.ret != 0)
		return;
	struct timespec ts;
	memcpy(&ts, (const void *)p, sizeof(ts));
	if (ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L ||
	    (clk == CLOCK_REALTIME && ts.tv_sec < 1600000000L))
		violation("clock_gettime(%d) gave %ld.%09ld", clk, ts.tv_sec, ts.tv_nsec);
	if (clk == CLOCK_MONOTONIC) {
		if (ts.tv_sec < last_mono.tv_sec ||
		    (ts.tv_sec == last_mono.tv_sec && ts.tv_nsec < last_mono.tv_nsec))
			violation("CLOCK_MONOTONIC went back from %ld.%09ld to %ld.%09ld",
				  last_mono.tv_sec, last_mono.tv_nsec, ts.tv_sec, ts.tv_nsec);
		last_mono = ts;
	}
}

/* Pages a segment of npages (of huge pages, if huge) holds: its frames and its page list, which
 * has an entry for each page or huge page. */
static unsigned long seg_cost(size_t npages, int huge, int frames)
{
	size_t entries = huge ? npages / HPG_PAGES : npages;
	return (frames ? npages : 0) + PGUP(entries * sizeof(uintptr_t)) / PG;
}

/* The most pages our live segments may hold, each with all its frames. */
static unsigned long model_pages(void)
{
	unsigned long n = seg_cost(1, 0, 1); /* the baton */
	for (int i = 0; i < NSEG; i++)
		if (segs[i].used && !segs[i].foreign && (!segs[i].removed || segs[i].natt > 0))
			n += seg_cost(segs[i].npages, segs[i].huge, 1);
	return n;
}

/* Check sysinfo's counts against the model. */
static void check_sysinfo(const struct sysinfo *si)
{
	unsigned long lo = seg_cost(1, 0, !lazy), hi = seg_cost(1, 0, 1); /* the baton */
	for (int i = 0; i < NSEG; i++) {
		if (!segs[i].used || !(!segs[i].removed || segs[i].natt > 0))
			continue;
		lo += seg_cost(segs[i].npages, segs[i].huge, !lazy);
		hi += seg_cost(segs[i].npages, segs[i].huge, 1);
	}
	if (si->mem_unit != PG || si->freeram > si->totalram || si->procs != 1 + live_kids)
		violation("sysinfo: mem_unit %u, freeram %lu of %lu, procs %u (we count %d)",
			  si->mem_unit, si->freeram, si->totalram, si->procs, 1 + live_kids);
	if (!in_child && live_kids == 0 && (si->sharedram < lo || si->sharedram > hi))
		violation("sysinfo: sharedram %lu; our segments hold %lu..%lu pages", si->sharedram,
			  lo, hi);
}

/* sysinfo into hostile pointers; the counts must agree with the model. */
static void fuzz_sysinfo(void)
{
	uintptr_t p = pick_ptr(sizeof(struct sysinfo), 1);
	struct want w =
	    range(p, sizeof(struct sysinfo), 1) == BAD ? must_fail(EFAULT) : must_return(0);
	struct call c = { .nr = SYS_sysinfo, .a = { p, rnd(), rnd(), rnd() } };
	issue(&c);
	if (check(&c, w) && c.ret == 0) {
		struct sysinfo si;
		memcpy(&si, (const void *)p, sizeof(si));
		check_sysinfo(&si);
	}
}

/* A live child, at random, or NULL. */
static struct kid *kid_random(void)
{
	int start = (int)below(MAX_KIDS);
	for (int i = 0; i < MAX_KIDS; i++)
		if (kids[(start + i) % MAX_KIDS].pid)
			return &kids[(start + i) % MAX_KIDS];
	return NULL;
}

/* Is sig one that leaves a process running: ignored by default, or a stop signal, which has
 * no effect without job control? */
static int harmless(int sig)
{
	return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH ||
	       (sig >= SIGCONT && sig <= SIGTTOU);
}

/* A signal, chosen at random, that ends the process it is sent to. */
static int fatal_signal(void)
{
	int sig;
	do
		sig = 1 + (int)below(SIGRTMAX);
	while (harmless(sig));
	return sig;
}

/* kill: real signals to ourselves never, to live children sometimes (then wait for them to
 * die of it); 0 or bad signals to anyone. */
static void fuzz_kill(void)
{
	struct kid *k = kid_random();
	int pid = (int)ONE_OF(self_pid, 0, -1, k ? k->pid : 1, nreaped ? reaped[below(16)] : 2,
			      (int)rnd(), INT32_MIN, INT32_MAX, self_pid + 1 + below(4));
	int sig = chance(30)   ? 0
		  : chance(70) ? 1 + (int)below(SIGRTMAX)
			       : (int)ONE_OF(32, SIGRTMAX, SIGRTMAX + 1, -1, rnd());
	k = kid_by_pid(pid);
	if (sig > 0 && sig <= SIGRTMAX && (pid == self_pid || (k && chance(70))))
		sig = 0;
	/* An unreaped child exists, dead or alive, as on Linux; init ignores root's signals. */
	struct want w = sig < 0 || sig > SIGRTMAX                 ? must_fail(EINVAL)
			: pid == self_pid || k || pid == INIT_PID ? must_return(0)
								  : must_fail(ESRCH);
	if (expect_call(SYS_kill, int_arg(pid), int_arg(sig), rnd(), rnd(), w) == 0 && k &&
	    k->alive && sig && !harmless(sig)) {
		k->want_sig = sig; /* it dies of this at its next return from the kernel */
		kid_await_death(k);
	}
}

/* Linux's flags about threads and clone children, which wait4 accepts too. */
#define WAIT_THREAD_FLAGS (0x20000000U | 0x40000000U | 0x80000000U)

/* wait4: bad pids and options, hostile status and rusage pointers; it reaps dead children. */
static void fuzz_wait4(void)
{
	struct kid *k = kid_random();
	int pid = chance(40)        ? -1
		  : k && chance(50) ? k->pid
				    : (int)ONE_OF(0, -2, INT32_MIN, self_pid,
						  nreaped ? reaped[below(16)] : 99, (int)rnd());
	int opt = chance(85) ? (int)ONE_OF(0, WNOHANG, WNOHANG, WNOHANG | WUNTRACED | WCONTINUED)
			     : (int)ONE_OF(WUNTRACED, WCONTINUED, 4, 0x100, -1, rnd());
	uintptr_t rusage = chance(80) ? 0 : pick_ptr(sizeof(struct rusage), 1);
	uintptr_t status = chance(30) ? 0 : chance(30) ? (uintptr_t)scratch : pick_ptr(4, 1);
	int matching = 0, dead = zombies(pid);
	for (int i = 0; i < MAX_KIDS; i++)
		matching += kids[i].pid && (pid == -1 || pid == 0 || pid == kids[i].pid);
	int valid = ((unsigned)opt & ~(WNOHANG | WUNTRACED | WCONTINUED | WAIT_THREAD_FLAGS)) == 0;
	if (!dead && valid)
		opt |= WNOHANG; /* live children end only when told: don't wait for them */
	struct want w;
	if (!valid)
		w = must_fail(EINVAL);
	else if (pid == INT32_MIN)
		w = must_fail(ESRCH);
	else if (!matching)
		w = must_fail(ECHILD);
	else if (!dead)
		w = must_return(0);
	else if ((status && range(status, sizeof(int), 1) == BAD) ||
		 (rusage && range(rusage, sizeof(struct rusage), 1) == BAD))
		w = must_fail(EFAULT);
	else
		w = may_succeed(0);
	struct call c = { .nr = SYS_wait4, .a = { int_arg(pid), status, int_arg(opt), rusage } };
	issue(&c);
	check(&c, w);
	if (c.ret <= 0)
		return;
	int st = 0;
	if (status)
		memcpy(&st, (const void *)status, sizeof(st));
	k = kid_by_pid((pid_t)c.ret);
	if (!k || k->alive || (pid != -1 && pid != 0 && c.ret != pid))
		violation("wait4(%d) reaped pid %ld, which is not a dead child it matches", pid,
			  c.ret);
	kid_done((pid_t)c.ret, st, status != 0);
}

/* A break to ask brk for: small moves, the edges of the heap, and what it must refuse. Only
 * the rare big grow (three a run) may eat all memory; the heap stays small, so forks stay
 * cheap. */
static uintptr_t pick_brk(uintptr_t cur)
{
	static int big_grows;
	uintptr_t a =
	    ONE_OF(0, cur + 1 + below(16 * PG), cur + 1 + below(16 * PG),
		   image_end + below(cur - image_end + 1), image_end, image_end - 1, cur, cur - 1,
		   big_grows < 3 ? HEAP_LIMIT : HEAP_LIMIT + 1, STACK_BOTTOM, STACK_TOP, WIN_BASE,
		   USER_TOP, KERNEL_TEXT, -1UL, -PG, 1UL << 63, USER_BASE, rnd(), rnd());
	big_grows += a == HEAP_LIMIT;
	if (a > cur && a < HEAP_LIMIT && a - cur > 16 * PG)
		a = cur + PG;
	if (cur - image_end > 128 * PG && a > cur)
		a = image_end;
	return a;
}

/* brk: it answers with the break it ends at, the one asked for or the old one; shrinking
 * and small grows must work, and a failed grow must give back every page it took. */
static void fuzz_brk(void)
{
	uintptr_t cur = cur_brk, a = pick_brk(cur);
	int small_grow = a > cur && a - cur <= 16 * PG;
	struct want w = a < image_end || a > HEAP_LIMIT ? must_return((long)cur)
			: a <= cur || small_grow        ? must_return((long)a)
							: may_succeed(0);
	struct sysinfo before, after;
	sysinfo(&before);
	struct call c = { .nr = SYS_brk, .a = { a, rnd(), rnd(), rnd() } };
	issue(&c);
	check(&c, w);
	if (c.ret == (long)a || c.ret == (long)cur)
		cur_brk = (uintptr_t)c.ret;
	else if (w.ok && !w.exact)
		violation("brk(%#lx) answered %#lx, neither the new nor the old break", a, c.ret);
	if (a == HEAP_LIMIT && c.ret == (long)cur && sysinfo(&after) == 0 &&
	    after.freeram != before.freeram)
		violation("brk's failed grow to %#lx kept %ld pages", a,
			  (long)before.freeram - (long)after.freeram);
}

/* A syscall number that is not one, with random arguments: ENOSYS. */
static void fuzz_unknown(void)
{
	long nr;
	do {
		switch (below(5)) {
		case 0:
			nr = (long)ONE_OF(0, 1, 63, 1000, 5000, -1, 1078, 1080, 1024, 215, 261);
			break;
		case 1:
			nr = (long)below(1100);
			break;
		case 2: /* a real number with high bits set */
			nr = syscalls[below(NSYSCALLS)].nr + (long)(1 + below(255)) * (1L << 32);
			break;
		case 3:
			nr = (long)ONE_OF(INT64_MIN, INT64_MAX, -64, 1UL << 31);
			break;
		default:
			nr = (long)rnd();
			break;
		}
	} while (is_known(nr));
	struct call c = { .nr = nr, .a = { rnd(), rnd(), rnd(), rnd(), rnd(), rnd() } };
	issue(&c);
	check(&c, must_fail(ENOSYS));
}

/* --- Shared memory --- */

/* A key: ours, IPC_PRIVATE, a live one, or random (never a child's). */
static key_t pick_key(void)
{
	struct seg *s = seg_random();
	if (chance(20))
		return IPC_PRIVATE;
	if (chance(20) && s && !s->removed && !s->foreign && s->key != IPC_PRIVATE)
		return s->key;
	if (chance(85))
		return KEY_A + (key_t)below(NKEY_A);
	key_t k = (key_t)ONE_OF(-1, INT32_MIN, INT32_MAX, 1, rnd());
	return (uint32_t)(k - KEY_B) < NKEY_B ? KEY_A : k;
}

/* shmget flags: the documented combinations, or random bits. */
static int pick_get_flags(int grow)
{
	if (chance(10))
		return (int)rnd();
	int how = grow && chance(70) ? IPC_CREAT
				     : (int)ONE_OF(0, IPC_CREAT, IPC_EXCL, IPC_CREAT | IPC_EXCL);
	return how | (int)ONE_OF(0, 0400, 0600, 0666, 0777, 0444, 0200, 0060) |
	       (chance(5) ? SHM_RDONLY | SHM_RND : 0) |
	       (chance(15) ? SHM_HUGETLB |
				 (int)ONE_OF(0, 0, SHM_HUGE_2MB, SHM_HUGE_1GB, 16 << SHM_HUGE_SHIFT)
			   : 0);
}

/* Does shmget's flg ask for huge pages of a size rvshm lacks (anything but 2 MiB)? */
static int bad_huge_size(int flg)
{
	unsigned log2 = ((unsigned)flg >> SHM_HUGE_SHIFT) & SHM_HUGE_MASK;
	return (flg & SHM_HUGETLB) && log2 != 0 && log2 != 21;
}

/* The pages a new segment of size bytes takes in the window: whole huge pages if huge. */
static size_t seg_npages(size_t size, int huge)
{
	return huge ? (size + HPG - 1) / HPG * HPG_PAGES : PGUP(size) / PG;
}

/* Record a segment shmget just made. */
static void seg_created(long id, key_t key, size_t size, int flg)
{
	if (seg_by_id((int)id) || is_dead((int)id))
		violation("shmget made shmid %ld, an id already used", id);
	struct seg *s = NULL;
	for (int i = 0; i < NSEG && !s; i++)
		if (!segs[i].used)
			s = &segs[i];
	if (!s) {
		violation("the model has no room for shmid %ld", id);
		return;
	}
	*s = (struct seg){ .used = 1,
			   .id = (int)id,
			   .key = key,
			   .huge = (flg & SHM_HUGETLB) != 0,
			   .size = size,
			   .npages = seg_npages(size, (flg & SHM_HUGETLB) != 0),
			   .mode = (unsigned)flg & 0777,
			   .gid = cur_gid,
			   .cgid = cur_gid };
}

/* shmget: create, look up, and every way to get it wrong. */
static void fuzz_shmget(int grow)
{
	key_t key = pick_key();
	size_t size = pick_size();
	int flg = pick_get_flags(grow);
	struct seg *s = key == IPC_PRIVATE ? NULL : seg_by_key(key);
	int huge = (flg & SHM_HUGETLB) != 0;
	if (!s && size > 0 && size <= SEG_MAX &&
	    model_pages() + seg_cost(seg_npages(size, huge), huge, 1) > BUDGET_PAGES) {
		size = 1 + below(PG); /* over budget: a small segment instead */
		flg &= ~SHM_HUGETLB;
	}
	struct want w;
	if (s) {
		w = (flg & IPC_CREAT) && (flg & IPC_EXCL) ? must_fail(EEXIST)
		    : size > s->size                      ? must_fail(EINVAL)
							  : must_return(s->id);
	} else if (key != IPC_PRIVATE && !(flg & IPC_CREAT)) {
		w = must_fail(ENOENT);
	} else if (size == 0 || size > SEG_MAX || bad_huge_size(flg)) {
		w = must_fail(EINVAL);
	} else if (live_kids) { /* children hold slots too */
		w = may_succeed(BIT(ENOMEM) | BIT(ENOSPC));
	} else {
		w = slots_used() >= NSLOTS ? must_fail(ENOSPC) : may_succeed(BIT(ENOMEM));
	}
	struct call c = { .nr = SYS_shmget, .a = { int_arg(key), size, int_arg(flg), rnd() } };
	issue(&c);
	check(&c, w);
	if (c.ret >= 0 && !s)
		seg_created(c.ret, key, size, flg);
}

/* A shmid: one of ours, a dead one, or a bad one. */
static int pick_id(void)
{
	struct seg *s = seg_random();
	if (chance(60) && s)
		return s->id;
	if (chance(30) && ndead)
		return dead_ids[below(ndead < ARRAY_LEN(dead_ids) ? ndead : ARRAY_LEN(dead_ids))];
	int id = (int)ONE_OF(-1, 0, below(NSLOTS * 8), rnd(), INT32_MAX, INT32_MIN, NSLOTS);
	return id == baton_id ? -1 : id; /* the baton is not to be touched */
}

/* An attach address: 0, in, beside or on top of attachments, at the window's edges, or
 * outside it. */
static uintptr_t pick_attach_addr(void)
{
	struct att *a = natts ? &atts[below(natts)] : NULL;
	if (chance(50))
		return 0;
	switch (below(10)) {
	case 8: /* a boundary a huge page may start on */
		return WIN_BASE + below(WIN_PAGES / HPG_PAGES) * HPG;
	case 0:
		return WIN_BASE + below(WIN_PAGES) * PG;
	case 1:
		return WIN_BASE + below(WIN_PAGES * PG); /* unaligned: SHM_RND rounds it */
	case 2:
		return a ? a->va + below(a->npages) * PG : WIN_BASE;
	case 3:
		return a ? a->va + a->npages * PG : WIN_END - PG;
	case 4:
		return a ? a->va - PG * (1 + below(2)) : WIN_BASE - PG;
	case 5:
		return WIN_END - PG * (1 + below(SEG_PAGES));
	case 6:
		return ONE_OF(WIN_BASE, WIN_END, WIN_BASE - PG, WIN_BASE + 1);
	case 7:
		return ONE_OF(1, PG, USER_TOP, KERNEL_TEXT, STACK_BOTTOM, -PG, 0x10000000UL);
	default:
		return rnd();
	}
}

/* May a segment go at [va, va + n pages): is it free, or with remap, does every attachment
 * there lie wholly inside it (to be replaced)? */
static int win_takes(uintptr_t va, size_t n, int remap)
{
	if (!remap)
		return win_free(va, n);
	for (int i = 0; i < natts; i++) {
		uintptr_t end = atts[i].va + atts[i].npages * PG;
		if (end > va && atts[i].va < va + n * PG && (atts[i].va < va || end > va + n * PG))
			return 0; /* a partial overlap: rvshm refuses it (Linux would replace it) */
	}
	return 1;
}

/* What shmat of segment s at addr with flg must give, from our window: a huge segment goes
 * only on a 2 MiB boundary. */
static struct want place_want(uintptr_t addr, const struct seg *s, int flg)
{
	size_t align = s->huge ? HPG_PAGES : 1;
	if (addr == 0)
		return win_fits(s->npages, align) ? may_succeed(0) : must_fail(ENOMEM);
	if (flg & SHM_RND)
		addr &= ~(uintptr_t)(SHMLBA - 1);
	if (addr % SHMLBA || addr < WIN_BASE || addr >= WIN_END ||
	    s->npages * PG > WIN_END - addr || (addr - WIN_BASE) % (align * PG) != 0 ||
	    !win_takes(addr, s->npages, (flg & SHM_REMAP) != 0))
		return must_fail(EINVAL);
	return must_return((long)addr);
}

/* Learn the size of a segment we attached without knowing it; record it as foreign. (Only
 * children make foreign segments, and never huge ones: so its size gives its pages.) */
static struct seg *foreign_seg(int id)
{
	struct shmid_ds ds;
	memset(&ds, 0, sizeof(ds));
	long r = expect_call(SYS_shmctl, (uint64_t)id, IPC_STAT, (uintptr_t)&ds, 0, must_return(0));
	size_t npages = r == 0 && ds.shm_segsz ? PGUP(ds.shm_segsz) / PG : 1;
	for (int i = 0; i < NSEG; i++)
		if (!segs[i].used) {
			segs[i] = (struct seg){ .used = 1,
						.id = id,
						.foreign = 1,
						.dirty = 1,
						.size = ds.shm_segsz,
						.npages = npages };
			return &segs[i];
		}
	violation("the model has no room for foreign shmid %d", id);
	return NULL;
}

/* Record a successful shmat of id at va, checking it landed in free window space. */
static void attached(uintptr_t va, struct seg *s, int id, int rdonly)
{
	if (!s)
		s = foreign_seg(id);
	size_t npages = s ? s->npages : 1;
	if (va % (s && s->huge ? HPG : PG) || va < WIN_BASE || va >= WIN_END ||
	    npages * PG > WIN_END - va || !win_free(va, npages))
		violation("shmat put shmid %d (%zu pages) at %#lx: outside the window, over "
			  "another attachment, or a huge page off its boundary",
			  id, npages, va);
	if (natts == OUR_ATTACH) {
		violation("shmat made a 65th attachment");
		expect_call(SYS_shmdt, va, 0, 0, 0, must_return(0));
		return;
	}
	att_add(va, npages, s, rdonly);
}

/* SHM_REMAP put segment s at [va, va + n pages): forget the attachments it replaced (each lies
 * wholly inside), holding s meanwhile as the kernel does, so that replacing the last
 * attachment of s itself does not forget s. */
static void drop_replaced(uintptr_t va, size_t n, struct seg *s)
{
	if (s)
		s->natt++;
	for (int i = 0; i < natts;) {
		if (atts[i].va >= va && atts[i].va - va < n * PG)
			att_del(&atts[i]); /* the last one moves here: look at i again */
		else
			i++;
	}
	if (s)
		s->natt--;
}

/* shmat(id, addr, flg) as a register holds them, judged by the model. Returns the result. */
static long shmat_call(int id, uintptr_t addr, int flg)
{
	struct seg *s = seg_by_id(id);
	int ex = exists(id);
	uintptr_t rounded = flg & SHM_RND ? addr & ~(uintptr_t)(SHMLBA - 1) : addr;
	if (addr && rounded <= BATON_VA && BATON_VA - rounded < SEG_MAX)
		flg &= ~SHM_REMAP; /* the baton is never to be replaced */
	/* Linux's order: the arguments alone first, then the segment, then room for it. */
	int bad_args = id < 0 || (addr == 0 && (flg & SHM_REMAP)) || rounded % SHMLBA != 0;
	struct want w = bad_args || ex == NO  ? must_fail(EINVAL)
			: natts == OUR_ATTACH ? must_fail(EMFILE)
			: !s                  ? may_succeed(BIT(EINVAL) | BIT(ENOMEM))
					      : place_want(addr, s, flg);
	if (ex == MAYBE && !bad_args)
		w.errs |= BIT(EINVAL);
	struct call c = { .nr = SYS_shmat, .a = { int_arg(id), addr, int_arg(flg), rnd() } };
	issue(&c);
	check(&c, w);
	if (c.ret == -1)
		return c.ret;
	if (!s)
		s = foreign_seg(id);
	if (addr && (flg & SHM_REMAP))
		drop_replaced((uintptr_t)c.ret, s ? s->npages : 1, s);
	attached((uintptr_t)c.ret, s, id, (flg & SHM_RDONLY) != 0);
	return c.ret;
}

/* shmat: ids good, stale and bad; addresses anywhere; the flags' combinations. */
static void fuzz_shmat(void)
{
	int id = pick_id();
	uintptr_t addr = pick_attach_addr();
	shmat_call(id, addr,
		   chance(80) ? (int)ONE_OF(0, SHM_RDONLY, SHM_RND, SHM_RDONLY | SHM_RND, SHM_REMAP,
					    SHM_REMAP | SHM_RND, SHM_REMAP | SHM_RDONLY)
			      : (int)rnd());
}

/* Fill the window with a largest segment every 2 * SEG_PAGES - 1 pages, so that no hole can take
 * another with fewer than 64 attachments: the one way to reach shmat's ENOMEM. The fuzz takes
 * them down again. */
static void fuzz_fragment(void)
{
	struct seg *big = NULL;
	for (int i = 0; i < NSEG && !big; i++)
		big = segs[i].used && segs[i].npages == SEG_PAGES && !segs[i].huge &&
			      exists(segs[i].id) == YES
			  ? &segs[i]
			  : NULL;
	if (natts > NATTACH / 2)
		return;
	if (!big && model_pages() + seg_cost(SEG_PAGES, 0, 1) > BUDGET_PAGES)
		return;
	if (!big) {
		long id = expect_call(SYS_shmget, IPC_PRIVATE, SEG_MAX, 0600, 0,
				      may_succeed(BIT(ENOSPC) | BIT(ENOMEM)));
		if (id < 0)
			return;
		seg_created(id, IPC_PRIVATE, SEG_MAX, 0600);
		big = seg_by_id((int)id);
	}
	for (uintptr_t va = WIN_BASE; va + SEG_MAX <= WIN_END && natts < OUR_ATTACH - 1;
	     va += (2 * SEG_PAGES - 1) * PG)
		shmat_call(big->id, va, chance(50) ? SHM_RDONLY : 0);
	shmat_call(big->id, 0, 0); /* ENOMEM, unless an earlier attachment left room */
}

/* shmdt: attachment starts (the only valid address), and everything near and far. */
static void fuzz_shmdt(void)
{
	struct att *a = natts ? &atts[below(natts)] : NULL;
	uintptr_t addr = a && chance(60) ? a->va
			 : a && chance(50)
			     ? a->va + ONE_OF(PG, 1, -PG, 8, a->npages * PG)
			     : ONE_OF(0, WIN_BASE, WIN_END, WIN_BASE + below(WIN_PAGES) * PG,
				      KERNEL_TEXT, -1UL, (uintptr_t)scratch, rnd());
	addr += addr == BATON_VA ? 8 : 0; /* never the baton */
	a = att_starting(addr);
	long r = expect_call(SYS_shmdt, addr, rnd(), rnd(), rnd(),
			     a ? must_return(0) : must_fail(EINVAL));
	if (r == 0 && !a)
		a = att_at(addr); /* wrongly taken: follow the kernel, to keep the model in step */
	if (r == 0 && a)
		att_del(a);
}

/* Check an IPC_STAT of our segment s against the model. */
static void check_stat(const struct seg *s, const struct shmid_ds *ds)
{
	unsigned mode = s->mode | (s->removed ? SHM_DEST : 0) | (s->locked ? SHM_LOCKED : 0);
	key_t key = s->removed ? IPC_PRIVATE : s->key;
	const struct ipc_perm *p = &ds->shm_perm;
	if (ds->shm_segsz == s->size && p->__key == key && p->mode == mode && p->uid == s->uid &&
	    p->gid == s->gid && p->cuid == 0 && p->cgid == s->cgid && ds->shm_cpid == self_pid &&
	    ds->shm_nattch >= (shmatt_t)s->natt &&
	    (live_kids || ds->shm_nattch == (shmatt_t)s->natt) &&
	    p->__seq == (unsigned short)(s->id / NSLOTS))
		return;
	violation("IPC_STAT of shmid %d: size %zu key %#x mode %#o uid %u gid %u cuid %u cgid %u "
		  "cpid %d nattch %lu seq %u; model: size %zu key %#x mode %#o uid %u gid %u "
		  "cgid %u nattch %d",
		  s->id, ds->shm_segsz, p->__key, p->mode, p->uid, p->gid, p->cuid, p->cgid,
		  ds->shm_cpid, ds->shm_nattch, p->__seq, s->size, key, mode, s->uid, s->gid,
		  s->cgid, s->natt);
}

/* A buffer for IPC_SET: our own settings (*in) in scratch memory, or a hostile pointer. */
static uintptr_t set_buffer(struct shmid_ds *in)
{
	memset(in, 0, sizeof(*in));
	in->shm_perm.uid = (uid_t)ONE_OF(0, 1, 1001, 65534, 0xfffffffe, -1, 2000 + below(1000));
	in->shm_perm.gid = (gid_t)ONE_OF(0, 100, 4242, -1, rnd());
	in->shm_perm.mode = (mode_t)below(0x10000);
	uintptr_t p = pick_ptr(sizeof(*in), chance(60));
	if (range(p, sizeof(*in), 1) == GOOD && scratch_only(p, sizeof(*in))) {
		memcpy((void *)p, in, sizeof(*in));
		dirty(p, sizeof(*in));
	}
	return p;
}

/* Read what the kernel will read for IPC_SET at p, just before the call (p may point at
 * our own variables). Returns p, or 0 if it would make uid 1000 an owner. */
static uintptr_t set_content(uintptr_t p, struct shmid_ds *in)
{
	if (range(p, sizeof(*in), 0) != GOOD)
		return p;
	memcpy(in, (const void *)p, sizeof(*in));
	return in->shm_perm.uid == 1000 ? 0 : p;
}

/* Apply a successful IPC_SET or IPC_RMID of id to the model. */
static void ctl_done(int id, int cmd, const struct shmid_ds *in)
{
	struct seg *s = seg_by_id(id);
	if (!s || s->foreign)
		return;
	if (cmd == IPC_SET) {
		s->uid = in->shm_perm.uid;
		s->gid = in->shm_perm.gid;
		s->mode = in->shm_perm.mode & 0777;
	} else if (cmd == SHM_LOCK || cmd == SHM_UNLOCK) {
		s->locked = cmd == SHM_LOCK;
	} else if (cmd == IPC_RMID && !s->removed) {
		s->removed = 1;
		s->key = IPC_PRIVATE;
		if (s->natt == 0 && live_kids == 0)
			seg_forget(s);
	}
}

/* shmctl: every command and bad ones (high bits too), hostile buffers, ids good and bad. */
static void fuzz_shmctl(int grow)
{
	int id = pick_id();
	int cmd = chance(85) ? (chance(grow ? 10 : 45) ? IPC_RMID : (int)ONE_OF(IPC_STAT, IPC_SET))
			     : (int)ONE_OF(IPC_INFO, -1, 4, SHM_LOCK, SHM_UNLOCK, SHM_STAT,
					   SHM_INFO, SHM_STAT_ANY, 16, rnd());
	struct seg *s = seg_by_id(id);
	int ex = exists(id);
	struct shmid_ds in;
	/* Every command but IPC_SET may write to buf: never let it be the fuzzer's own data. */
	uintptr_t buf = cmd == IPC_SET ? set_buffer(&in) : pick_ptr(sizeof(struct shmid_ds), 1);
	struct call c = { .nr = SYS_shmctl, .a = { int_arg(id), int_arg(cmd), buf, rnd() } };
	if (cmd == IPC_SET)
		c.a[2] = buf = set_content(buf, &in);
	struct want w = must_fail(EINVAL);
	if (cmd < 0 || id < 0) { /* Linux's first check, for every command */
		w = must_fail(EINVAL);
	} else if (cmd == IPC_STAT) {
		int bad = range(buf, sizeof(struct shmid_ds), 1) == BAD;
		w = ex == NO ? must_fail(EINVAL) : bad ? must_fail(EFAULT) : must_return(0);
	} else if (cmd == IPC_SET) {
		int bad = range(buf, sizeof(struct shmid_ds), 0) == BAD;
		/* (uid_t)-1 names nobody: an owner of -1 is EINVAL, as on Linux */
		int nobody = in.shm_perm.uid == (uid_t)-1 || in.shm_perm.gid == (gid_t)-1;
		w = bad                  ? must_fail(EFAULT)
		    : ex == NO || nobody ? must_fail(EINVAL)
					 : must_return(0);
	} else if (cmd == IPC_RMID || cmd == SHM_LOCK || cmd == SHM_UNLOCK) {
		w = ex == NO ? must_fail(EINVAL) : must_return(0);
	} else if (cmd == IPC_INFO || cmd == SHM_INFO) { /* they return the highest slot in use */
		size_t size = cmd == IPC_INFO ? sizeof(struct shminfo) : sizeof(struct shm_info);
		w = range(buf, size, 1) == BAD ? must_fail(EFAULT) : may_succeed(0);
	} else if (cmd == SHM_STAT ||
		   cmd == SHM_STAT_ANY) { /* id is a slot; whose, we can't tell */
		w = id < 0 || id >= NSLOTS ? must_fail(EINVAL)
					   : may_succeed(BIT(EINVAL) | BIT(EFAULT) | BIT(EACCES));
	}
	if (ex == MAYBE && (w.ok || cmd == IPC_STAT) && cmd >= 0 && id >= 0)
		w.errs |= BIT(EINVAL);
	issue(&c);
	if ((cmd == IPC_INFO || cmd == SHM_INFO) && c.ret >= NSLOTS)
		violation("shmctl(cmd %d) returned slot %ld, past the table's %d", cmd, c.ret,
			  NSLOTS);
	if (!check(&c, w) || c.ret != 0) {
		if (c.ret == 0)
			ctl_done(id, cmd, &in); /* follow the kernel, to keep the model in step */
		return;
	}
	if (cmd == IPC_STAT && s && !s->foreign) {
		struct shmid_ds ds;
		memcpy(&ds, (const void *)buf, sizeof(ds));
		check_stat(s, &ds);
	}
	ctl_done(id, cmd, &in);
}

/* Load or store in an attachment: fresh segments read as zeros, and every attachment of a
 * segment sees a store at once. */
static void fuzz_touch(void)
{
	if (!natts)
		return;
	struct att *a = &atts[below(natts)];
	struct seg *s = a->s;
	size_t off = below(a->npages * PG / 8) * 8;
	volatile uint64_t *p = (volatile uint64_t *)(a->va + off);
	if (a->rdonly || chance(40)) {
		uint64_t v = *p;
		if (s && !s->dirty && v != 0)
			violation("shmid %d was never written, yet %#lx holds %#lx", s->id,
				  a->va + off, v);
		return;
	}
	uint64_t v = rnd();
	*p = v;
	if (s)
		s->dirty = 1;
	for (int i = 0; i < natts && s; i++) {
		uint64_t seen = atts[i].s == s ? *(volatile uint64_t *)(atts[i].va + off) : v;
		if (seen != v)
			violation("shmid %d: stored %#lx at %#lx, but %#lx shows %#lx", s->id, v,
				  a->va + off, atts[i].va + off, seen);
	}
}

/* --- Children --- */

static struct { /* what a PLAN_SHARE child must find, and must leave */
	uintptr_t va;
	size_t off1, off2;
	uint64_t tok1, tok2;
} share;

/* The live child with pid, or NULL. */
static struct kid *kid_by_pid(pid_t pid)
{
	for (int i = 0; i < MAX_KIDS; i++)
		if (kids[i].pid && kids[i].pid == pid)
			return &kids[i];
	return NULL;
}

/* End a child with status code, or KID_VIOLATED if it saw a violation. */
static __attribute__((noreturn)) void kid_exit(int code)
{
	_exit(nviolations ? KID_VIOLATED : code);
}

/* Would uid 1000 in group g be granted mode (bits of 0444 and 0222) on s? As ipcperms: the
 * owner's or creator's bits, else the group's, else other's; asked-for bits of every class
 * fold together. */
static int perm_ok(const struct seg *s, gid_t g, unsigned mode)
{
	unsigned granted = s->mode;
	if (s->uid == 1000)
		granted >>= 6;
	else if (g == s->gid || g == s->cgid)
		granted >>= 3;
	unsigned wanted = (mode >> 6 | mode >> 3 | mode) & 7;
	return (wanted & ~granted & 7) == 0;
}

/* As uid 1000 in group g: everything that needs permission on our segment s. */
static void user_try(const struct seg *s, gid_t g)
{
	if (!s->removed && s->key != IPC_PRIVATE) {
		size_t size = chance(70) ? below(s->size + 1) : s->size + 1 + below(PG);
		int flg = (int)ONE_OF(0, 0400, 0200, 0600, 0666, 0004, 0040) |
			  (int)ONE_OF(0, 0, IPC_CREAT, IPC_CREAT | IPC_EXCL);
		struct want w = (flg & IPC_CREAT) && (flg & IPC_EXCL)  ? must_fail(EEXIST)
				: size > s->size                       ? must_fail(EINVAL)
				: !perm_ok(s, g, (unsigned)flg & 0777) ? must_fail(EACCES)
								       : must_return(s->id);
		expect_call(SYS_shmget, int_arg(s->key), size, int_arg(flg), 0, w);
	}
	int ro = chance(50);
	struct want w = perm_ok(s, g, ro ? 0444 : 0666) ? may_succeed(BIT(ENOMEM) | BIT(EMFILE))
							: must_fail(EACCES);
	long va = expect_call(SYS_shmat, (uint64_t)s->id, 0, ro ? SHM_RDONLY : 0, 0, w);
	if (va != -1)
		expect_call(SYS_shmdt, (uint64_t)va, 0, 0, 0, must_return(0));
	w = perm_ok(s, g, 0444) ? must_return(0) : must_fail(EACCES);
	expect_call(SYS_shmctl, (uint64_t)s->id, IPC_STAT, (uintptr_t)scratch, 0, w);
	struct shmid_ds in = { .shm_perm = { .uid = 1000, .gid = g, .mode = 0777 } };
	memcpy(stack_buf, &in, sizeof(in));
	expect_call(SYS_shmctl, (uint64_t)s->id, IPC_SET, (uintptr_t)stack_buf, 0,
		    must_fail(EPERM));
	expect_call(SYS_shmctl, (uint64_t)s->id, IPC_RMID, 0, 0, must_fail(EPERM));
}

/* As uid 1000: a segment of one's own, whatever its mode, may be set and removed. */
static void user_own(gid_t g)
{
	struct seg own = { .mode = (unsigned)below(01000), .uid = 1000, .gid = g, .cgid = g };
	long id = expect_call(SYS_shmget, IPC_PRIVATE, PG, own.mode, 0,
			      may_succeed(BIT(ENOMEM) | BIT(ENOSPC)));
	if (id < 0)
		return;
	int ro = chance(50);
	struct want w = perm_ok(&own, g, ro ? 0444 : 0666) ? may_succeed(BIT(ENOMEM) | BIT(EMFILE))
							   : must_fail(EACCES);
	long va = expect_call(SYS_shmat, (uint64_t)id, 0, ro ? SHM_RDONLY : 0, 0, w);
	w = perm_ok(&own, g, 0444) ? must_return(0) : must_fail(EACCES);
	expect_call(SYS_shmctl, (uint64_t)id, IPC_STAT, (uintptr_t)scratch, 0, w);
	struct shmid_ds in = { .shm_perm = { .uid = 1000, .gid = g, .mode = 0 } };
	memcpy(stack_buf, &in, sizeof(in));
	expect_call(SYS_shmctl, (uint64_t)id, IPC_SET, (uintptr_t)stack_buf, 0, must_return(0));
	expect_call(SYS_shmctl, (uint64_t)id, IPC_RMID, 0, 0, must_return(0));
	if (va != -1) /* the last detach destroys it */
		expect_call(SYS_shmdt, (uint64_t)va, 0, 0, 0, must_return(0));
}

/* A child that drops to uid 1000 and tries what needs permission. */
static __attribute__((noreturn)) void child_user(void)
{
	gid_t g = (gid_t)ONE_OF(100, 4242, cur_gid ? cur_gid : 100);
	expect_call(SYS_setgid, g, 0, 0, 0, must_return(0));
	expect_call(SYS_setuid, 1000, 0, 0, 0, must_return(0));
	expect_call(SYS_getuid, 0, 0, 0, 0, must_return(1000));
	expect_call(SYS_geteuid, 0, 0, 0, 0, must_return(1000));
	expect_call(SYS_getgid, 0, 0, 0, 0, must_return(g));
	expect_call(SYS_getegid, 0, 0, 0, 0, must_return(g));
	expect_call(SYS_setuid, 0, 0, 0, 0, must_fail(EPERM));
	expect_call(SYS_setgid, 0, 0, 0, 0, must_fail(EPERM));
	expect_call(SYS_setuid, 1000, 0, 0, 0, must_return(0));
	expect_call(SYS_setuid, 0xffffffffUL, 0, 0, 0, must_fail(EINVAL));
	expect_call(SYS_kill, (uint64_t)parent_pid, 0, 0, 0, must_fail(EPERM));
	expect_call(SYS_kill, (uint64_t)parent_pid, SIGKILL, 0, 0, must_fail(EPERM));
	expect_call(SYS_kill, INIT_PID, SIGKILL, 0, 0, must_fail(EPERM));
	expect_call(SYS_kill, (uint64_t)self_pid, 0, 0, 0, must_return(0));
	for (int i = 0; i < 8; i++) {
		struct seg *s = seg_random();
		if (s && !s->foreign && (!s->removed || s->natt > 0))
			user_try(s, g);
	}
	user_own(g);
	kid_exit(0);
}

/* A child's shmat of id: record where it landed and how big the segment is. */
static void kid_attach(int id, int flg)
{
	if (id == baton_id)
		return;
	uintptr_t addr = chance(80) ? 0 : WIN_BASE + below(WIN_PAGES) * PG;
	long va = expect_call(SYS_shmat, int_arg(id), addr, int_arg(flg), 0,
			      may_succeed(documented(SYS_shmat)));
	if (va == -1 || natts == OUR_ATTACH)
		return;
	struct shmid_ds ds;
	memset(&ds, 0, sizeof(ds));
	expect_call(SYS_shmctl, (uint64_t)id, IPC_STAT, (uintptr_t)&ds, 0, must_return(0));
	att_add((uintptr_t)va, ds.shm_segsz ? PGUP(ds.shm_segsz) / PG : 1, NULL,
		(flg & SHM_RDONLY) != 0);
}

/* A child's shmget: a key of its own or IPC_PRIVATE. A private segment is attached and
 * removed at once, so that however the child ends, nothing of it is left behind. */
static void kid_create(const struct kid *k, int *own, int *nown)
{
	key_t key = chance(40) ? IPC_PRIVATE : k->keybase + (key_t)below(KIDKEYS);
	size_t size = chance(10) ? KID_SEG_MAX : 1 + below(4 * PG);
	int flg = IPC_CREAT | (chance(20) ? IPC_EXCL : 0) | 0600;
	long id = expect_call(SYS_shmget, int_arg(key), size, int_arg(flg), 0,
			      may_succeed(documented(SYS_shmget)));
	if (id < 0)
		return;
	if (key == IPC_PRIVATE) {
		kid_attach((int)id, chance(30) ? SHM_RDONLY : 0);
		expect_call(SYS_shmctl, (uint64_t)id, IPC_RMID, 0, 0,
			    may_succeed(BIT(EINVAL))); /* the parent may guess the id first */
	} else if (*nown < KIDKEYS) {
		own[(*nown)++] = (int)id;
	}
}

/* A child's load or store in one of its attachments. */
static void kid_touch(void)
{
	if (!natts)
		return;
	struct att *a = &atts[below(natts)];
	volatile uint64_t *p = (volatile uint64_t *)(a->va + below(a->npages * PG / 8) * 8);
	if (a->rdonly || chance(30))
		(void)*p;
	else
		*p = rnd();
}

/* One step of a PLAN_SHM child: a random shared-memory operation. */
static void kid_op(const struct kid *k, int *own, int *nown)
{
	struct seg *s = seg_random();
	struct att *a = natts ? &atts[below(natts)] : NULL;
	switch (below(7)) {
	case 0:
		kid_create(k, own, nown);
		break;
	case 1:
		if (*nown)
			kid_attach(own[below(*nown)], chance(30) ? SHM_RDONLY : 0);
		break;
	case 2:
		kid_attach(s && chance(80) ? s->id : (int)rnd(), chance(30) ? SHM_RDONLY : 0);
		break;
	case 3:
	case 4:
		kid_touch();
		break;
	case 5:
		if (a && expect_call(SYS_shmdt, a->va, 0, 0, 0, must_return(0)) == 0)
			att_del(a);
		break;
	default:
		if (*nown) {
			int i = (int)below(*nown);
			expect_call(SYS_shmctl, (uint64_t)own[i], IPC_RMID, 0, 0,
				    may_succeed(BIT(EINVAL)));
			own[i] = own[--*nown];
		}
		break;
	}
}

/* The end of a PLAN_SHM child, as planned: exit, or die by a fault while still attached. */
static __attribute__((noreturn)) void child_end(const struct kid *k, const int *own, int nown)
{
	if (nviolations)
		_exit(KID_VIOLATED);
	struct att *a = NULL;
	switch (k->end) {
	case END_EXIT:
		syscall(SYS_exit, (long)((uint64_t)(uint32_t)k->exit_arg | rnd() << 32));
		break;
	case END_RDONLY: /* a store to a read-only attachment */
		for (int i = 0; i < natts && !a; i++)
			a = atts[i].rdonly ? &atts[i] : NULL;
		if (!a && nown)
			kid_attach(own[0], SHM_RDONLY);
		a = natts && atts[natts - 1].rdonly ? &atts[natts - 1] : a;
		if (a)
			*(volatile uint64_t *)(a->va + 8) = 1;
		break;
	case END_JUMP: /* shared memory is never executable */
		if (natts)
			((void (*)(void))atts[below(natts)].va)();
		break;
	case END_KILLSELF:
		syscall(SYS_kill, self_pid, k->want_sig);
		break;
	case END_AMO: { /* a misaligned atomic: the one fault that earns SIGBUS */
		int old;
		__asm__ volatile("amoadd.w %0, %2, (%1)"
				 : "=r"(old)
				 : "r"(stack_buf + 2), "r"(1)
				 : "memory");
		break;
	}
	default:
		break;
	}
	*(volatile int *)0 = 1; /* END_NULL, and the fallback of the others: SIGSEGV */
	violation("still alive after a store to NULL");
	_exit(KID_VIOLATED);
}

/* A PLAN_SHM child: waits at the baton, and takes a step (or ends) each time it is told. */
static __attribute__((noreturn)) void child_steps(const struct kid *k)
{
	volatile struct baton_slot *b = &baton[k - kids];
	int own[KIDKEYS], nown = 0;
	for (uint64_t seen = 0;; b->ack = seen) {
		while (b->seq == seen)
			sched_yield();
		seen = b->seq;
		if (b->cmd == CMD_END)
			child_end(k, own, nown);
		kid_op(k, own, &nown);
		b->violations = nviolations;
	}
}

/* A child that must see the parent's store in an inherited attachment, and leaves one. */
static __attribute__((noreturn)) void child_share(void)
{
	uint64_t seen = *(volatile uint64_t *)(share.va + share.off1);
	if (seen != share.tok1)
		violation("inherited attachment at %#lx shows %#lx, the parent stored %#lx",
			  share.va + share.off1, seen, share.tok1);
	*(volatile uint64_t *)(share.va + share.off2) = share.tok2;
	kid_exit(0);
}

/* The life of a child: it has no children itself, and reports violations by exit status. */
static __attribute__((noreturn)) void child_main(struct kid *slot, const struct kid *plan,
						 uint64_t seed)
{
	*slot = *plan; /* its own entry: child_steps finds its baton slot by it */
	const struct kid *k = slot;
	in_child = 1;
	reseed(seed, 0);
	parent_pid = self_pid;
	self_pid = getpid();
	nviolations = 0;
	live_kids = 0; /* a child has no children; kids[] stays, for k */
	switch (k->plan) {
	case PLAN_USER:
		child_user();
	case PLAN_SHARE:
		child_share();
	default:
		child_steps(k);
	}
}

/* Decide what the next child does and how it must end. */
static struct kid plan_kid(void)
{
	struct kid k = { .keybase = KEY_B + KIDKEYS * (key_t)(nchildren % 64) };
	unsigned r = (unsigned)below(100);
	k.plan = r < 65 ? PLAN_SHM : r < 80 ? PLAN_USER : PLAN_SHARE;
	if (k.plan != PLAN_SHM)
		return k;
	k.alive = 1;
	k.steps = (int)below(16);
	r = (unsigned)below(100);
	k.end = r < 30   ? END_EXIT
		: r < 45 ? END_NULL
		: r < 65 ? END_RDONLY
		: r < 80 ? END_JUMP
		: r < 90 ? END_KILLSELF
			 : END_AMO;
	k.exit_arg = (int)ONE_OF(0, 1, 42, 127, 255, 256, 257, -1, 0x1ff);
	k.want_exit = k.exit_arg & 0xff;
	k.want_sig = k.end == END_EXIT       ? 0
		     : k.end == END_KILLSELF ? fatal_signal()
		     : k.end == END_AMO      ? SIGBUS
					     : SIGSEGV;
	return k;
}

/* Check how child k ended (wait status st). */
static void judge(const struct kid *k, int st)
{
	if (WIFEXITED(st) && WEXITSTATUS(st) == KID_VIOLATED) {
		violation("child %d reported violations (above)", k->pid);
		return;
	}
	int ok = k->want_sig ? WIFSIGNALED(st) && WTERMSIG(st) == k->want_sig
			     : WIFEXITED(st) && WEXITSTATUS(st) == k->want_exit;
	if (!ok)
		violation("child %d (plan %d, end %d) ended with wait status %#x; expected %s %d",
			  k->pid, k->plan, k->end, st, k->want_sig ? "signal" : "exit status",
			  k->want_sig ? k->want_sig : k->want_exit);
}

/* Remove whatever segments child k left at its keys. */
static void clean_keys(key_t base)
{
	for (key_t key = base; key < base + KIDKEYS; key++) {
		long id = expect_call(SYS_shmget, (uint64_t)key, 0, 0, 0, may_succeed(BIT(ENOENT)));
		if (id >= 0)
			expect_call(SYS_shmctl, (uint64_t)id, IPC_RMID, 0, 0, must_return(0));
	}
}

/* Child pid has been reaped (with wait status st if have_status): judge it, clean up. */
static void kid_done(pid_t pid, int st, int have_status)
{
	struct kid *k = kid_by_pid(pid);
	if (!k) {
		violation("wait4 reaped pid %d, not a child of ours", pid);
		return;
	}
	if (have_status)
		judge(k, st);
	unsigned long v = baton[k - kids].violations;
	if (v && !(have_status && WIFEXITED(st) && WEXITSTATUS(st) == KID_VIOLATED))
		violation("child %d saw %lu violations (above) before it died", pid, v);
	clean_keys(k->keybase);
	reaped[nreaped++ % ARRAY_LEN(reaped)] = pid;
	k->pid = 0;
	if (--live_kids == 0)
		sweep();
}

/* Tell live child k to take a step (cmd CMD_STEP) or to end (CMD_END), and wait until it
 * has: until it acknowledges the step, or until it is dead, and then reaped here (a dead
 * child still exists for kill(pid, 0) until it is reaped, so only wait4 can tell). */
static void kid_command(struct kid *k, int cmd)
{
	volatile struct baton_slot *b = &baton[k - kids];
	b->cmd = cmd;
	uint64_t seq = ++b->seq;
	while (b->ack != seq) {
		sched_yield(); /* the child runs */
		int st = -1;
		pid_t pid = k->pid;
		if (syscall(SYS_wait4, pid, &st, WNOHANG, 0) == pid) {
			if (cmd == CMD_STEP)
				violation("child %d died during a step", pid);
			k->alive = 0;
			kid_done(pid, st, 1);
			return;
		}
	}
}

static void reap(struct kid *k);

/* Wait until child k, which a signal is about to kill, is dead, and reap it. (kill(pid, 0)
 * cannot tell: a dead child exists until it is reaped.) */
static void kid_await_death(struct kid *k)
{
	k->alive = 0;
	reap(k);
}

/* Let a live child take its next step, or end when it has taken them all. */
static void kid_tick(void)
{
	struct kid *k = kid_random();
	if (!k || !k->alive)
		return;
	kid_command(k, k->steps-- > 0 ? CMD_STEP : CMD_END);
}

/* Reap child k, telling it to end first if it is alive. */
static void reap(struct kid *k)
{
	if (k->alive)
		kid_command(k, CMD_END);
	if (!k->pid)
		return; /* it ended during the command, and was reaped there */
	int st = -1;
	pid_t pid = k->pid;
	if (expect_call(SYS_wait4, (uint64_t)pid, (uintptr_t)&st, 0, 0, must_return(pid)) == pid)
		kid_done(pid, st, 1);
	else
		kid_done(pid, 0, 0); /* give up on it rather than wait forever */
}

/* The number of unreaped children that match wait4's pid and have died. */
static int zombies(int pid)
{
	int n = 0;
	for (int i = 0; i < MAX_KIDS; i++)
		n += kids[i].pid && !kids[i].alive && (pid == -1 || pid == 0 || pid == kids[i].pid);
	return n;
}

/* Reap whichever child has died, without waiting. */
static void reap_ended(void)
{
	int st = -1;
	long pid = expect_call(SYS_wait4, -1UL, (uintptr_t)&st, WNOHANG, 0,
			       zombies(-1) ? may_succeed(0) : must_return(0));
	if (pid > 0)
		kid_done((pid_t)pid, st, 1);
}

/* Pick a writable attachment and store a token for a PLAN_SHARE child; 0 if none. */
static int share_setup(void)
{
	struct att *a = natts ? &atts[below(natts)] : NULL;
	if (!a || a->rdonly)
		return 0;
	share.va = a->va;
	share.off1 = below(a->npages * PG / 8) * 8;
	share.off2 = below(a->npages * PG / 8) * 8;
	share.tok1 = rnd() | 1;
	share.tok2 = rnd() | 1;
	*(volatile uint64_t *)(share.va + share.off1) = share.tok1;
	return 1;
}

/* fork a child with a plan; children that test the model exactly are reaped at once. */
static void fuzz_fork(void)
{
	if (live_kids == MAX_KIDS)
		reap(kid_random());
	struct kid k = plan_kid();
	if (k.plan == PLAN_SHARE && !share_setup())
		k.plan = PLAN_USER;
	int i = 0;
	while (kids[i].pid)
		i++;
	baton[i] = (struct baton_slot){ 0 };
	uint64_t seed = rnd();
	all_dirty();
	struct call c = { .nr = SYS_fork, .a = { rnd(), rnd(), rnd(), rnd(), rnd(), rnd() } };
	issue(&c);
	if (c.ret == 0)
		child_main(&kids[i], &k, seed);
	if (!check(&c, may_succeed(0)) || c.ret < 0)
		return;
	struct kid *slot = &kids[i];
	k.pid = (pid_t)c.ret;
	*slot = k;
	live_kids++;
	nchildren++;
	if (k.plan != PLAN_SHM)
		reap(slot); /* it runs to its end while we wait */
	uint64_t seen = k.plan == PLAN_SHARE ? *(volatile uint64_t *)(share.va + share.off2) : 0;
	if (k.plan == PLAN_SHARE && seen != share.tok2)
		violation("the child stored %#lx at %#lx, the parent sees %#lx", share.tok2,
			  share.va + share.off2, seen);
}

/* --- The run --- */

static unsigned long free_at_start;

/* Find out whether segments are backed eagerly or lazily (what one costs in sharedram), and
 * note the free pages to compare with at the end (after a first attach has made the window's
 * allocator, and the whole stack and .bss are backed, all of which live as long as we do:
 * calls given pointers there back their pages). */
static void probe(void)
{
	struct sysinfo a, b;
	sysinfo(&a);
	int id = shmget(IPC_PRIVATE, 2 * PG, 0600);
	sysinfo(&b);
	unsigned long cost = b.sharedram - a.sharedram;
	if (id < 0 || (cost != 1 && cost != 3))
		violation("probe: a 2-page segment took %lu pages, not 3 (eager) or 1 (lazy)",
			  cost);
	lazy = cost == 1;
	void *p = shmat(id, NULL, 0);
	if (p != (void *)-1)
		shmdt(p);
	shmctl(id, IPC_RMID, NULL);
	dead_ids[ndead++] = id;
	for (uintptr_t va = STACK_LIMIT; va < STACK_BOTTOM; va += PG)
		*(volatile char *)va = 0;
	for (uintptr_t va = USER_BASE; va < image_end; va += PG)
		(void)*(volatile char *)va; /* a read backs a page of .bss too */
	sysinfo(&a);
	free_at_start = a.freeram;
}

static int growing; /* the phase: segments and attachments pile up, or are taken down */

/* shmget in the current phase. */
static void fuzz_shmget_phase(void)
{
	fuzz_shmget(growing);
}

/* shmctl in the current phase. */
static void fuzz_shmctl_phase(void)
{
	fuzz_shmctl(growing);
}

/* Make the baton: a page of a segment removed at once, so it goes with its last attachment. */
static void make_baton(void)
{
	baton_id = (int)expect_call(SYS_shmget, IPC_PRIVATE, PG, 0600, 0, may_succeed(0));
	expect_call(SYS_shmat, (uint64_t)baton_id, BATON_VA, 0, 0, must_return((long)BATON_VA));
	expect_call(SYS_shmctl, (uint64_t)baton_id, IPC_RMID, 0, 0, must_return(0));
	win_set(BATON_VA, 1, 1);
	baton[0].seq = 0; /* its frame, now (with lazy backing), for every child to inherit */
}

/* One fuzzed call, chosen by weight; the weights shift with the phase every 2500 calls. */
static void fuzz_one(void)
{
	static const struct {
		void (*fn)(void);
		unsigned char grow, shrink; /* weights in each phase */
	} ops[] = {
		{ fuzz_shmget_phase, 140, 40 }, { fuzz_shmat, 120, 80 },
		{ fuzz_shmdt, 50, 140 },        { fuzz_shmctl_phase, 100, 140 },
		{ fuzz_touch, 50, 50 },         { fuzz_brk, 30, 30 },
		{ fuzz_write, 30, 30 },         { fuzz_nanosleep, 20, 20 },
		{ fuzz_clock, 30, 30 },         { fuzz_sysinfo, 30, 30 },
		{ fuzz_getrusage, 20, 20 },     { fuzz_kill, 40, 40 },
		{ fuzz_wait4, 40, 40 },         { fuzz_setid, 30, 30 },
		{ fuzz_ids, 40, 40 },           { fuzz_unknown, 40, 40 },
		{ fuzz_fork, 10, 10 },          { fuzz_fragment, 1, 0 },
	};
	growing = (ncalls / 2500) % 2 == 0;
	unsigned total = 0;
	for (size_t i = 0; i < ARRAY_LEN(ops); i++)
		total += growing ? ops[i].grow : ops[i].shrink;
	unsigned r = (unsigned)below(total);
	for (size_t i = 0; i < ARRAY_LEN(ops); i++) {
		unsigned w = growing ? ops[i].grow : ops[i].shrink;
		if (r < w) {
			ops[i].fn();
			return;
		}
		r -= w;
	}
}

/* Reap every child, detach everything, remove every segment (by id, then by looking up
 * every key we or a child could have used), restore brk and gid, and check the books. */
static void cleanup(void)
{
	for (int i = 0; i < MAX_KIDS; i++)
		if (kids[i].pid)
			reap(&kids[i]);
	while (natts) {
		expect_call(SYS_shmdt, atts[0].va, 0, 0, 0, must_return(0));
		att_del(&atts[0]);
	}
	for (int i = 0; i < NSEG; i++) {
		if (segs[i].used && !segs[i].removed && !segs[i].foreign)
			expect_call(SYS_shmctl, (uint64_t)segs[i].id, IPC_RMID, 0, 0,
				    must_return(0));
		if (segs[i].used)
			seg_forget(&segs[i]);
	}
	expect_call(SYS_shmdt, BATON_VA, 0, 0, 0, must_return(0)); /* and it is gone */
	win_set(BATON_VA, 1, 0);
	baton_id = -1;
	for (key_t key = KEY_A; key < KEY_A + NKEY_A; key++) {
		long id = expect_call(SYS_shmget, (uint64_t)key, 0, 0, 0, must_fail(ENOENT));
		if (id >= 0)
			shmctl((int)id, IPC_RMID, NULL);
	}
	for (key_t key = KEY_B; key < KEY_B + NKEY_B; key++) {
		long id = expect_call(SYS_shmget, (uint64_t)key, 0, 0, 0, must_fail(ENOENT));
		if (id >= 0)
			shmctl((int)id, IPC_RMID, NULL);
	}
	expect_call(SYS_brk, image_end, 0, 0, 0, must_return((long)image_end));
	cur_brk = image_end;
	expect_call(SYS_setgid, 0, 0, 0, 0, must_return(0));
	struct sysinfo si;
	sysinfo(&si);
	if (si.sharedram != 0 || si.procs != 1 || si.freeram != free_at_start)
		violation("after clean-up: sharedram %lu, procs %u, free pages %lu (%lu at start)",
			  si.sharedram, si.procs, si.freeram, free_at_start);
}

/* Say which syscalls of syscalls.def have no fuzzer here (a new one needs one). */
static void note_unfuzzed(void)
{
	static const char *const fuzzed[] = {
		"write",       "exit",    "setgid",  "setuid",  "nanosleep", "clock_gettime",
		"sched_yield", "kill",    "getpid",  "getppid", "getuid",    "geteuid",
		"getgid",      "getegid", "sysinfo", "shmget",  "shmctl",    "shmat",
		"shmdt",       "brk",     "wait4",   "fork",    "vmprint",   "getrusage",
	};
	for (size_t i = 0; i < NSYSCALLS; i++) {
		size_t j = 0;
		while (j < ARRAY_LEN(fuzzed) && strcmp(fuzzed[j], syscalls[i].name) != 0)
			j++;
		if (j == ARRAY_LEN(fuzzed))
			printf("fuzz: note: syscall %s (%ld) has no fuzzer\n", syscalls[i].name,
			       syscalls[i].nr);
	}
}

/* Fuzz FUZZ_CALLS calls from FUZZ_SEED, clean up, and pass only if nothing was violated. */
int main(void)
{
	char buf[STACK_BUF] __attribute__((aligned(16)));
	stack_buf = buf;
	reseed(FUZZ_SEED, UINT64_MAX);
	printf("fuzz: seed %lu, %lu calls\n", (unsigned long)FUZZ_SEED, (unsigned long)FUZZ_CALLS);
	note_unfuzzed();
	self_pid = getpid();
	image_end = cur_brk = (uintptr_t)syscall(SYS_brk, 0);
	probe();
	make_baton();
	for (ncalls = 0; ncalls < FUZZ_CALLS; ncalls++) {
		reseed(FUZZ_SEED, ncalls);
		if (live_kids && chance(5))
			reap_ended();
		if (live_kids && chance(20))
			kid_tick();
		fuzz_one();
	}
	cleanup();
	print_stats();
	printf("fuzz: %s backing, %lu syscalls made by the fuzzer itself\n",
	       lazy ? "lazy" : "eager", nsyscalls);
	printf("fuzz: %lu calls, %lu violations, %lu children\n", ncalls, nviolations, nchildren);
	if (nviolations)
		printf(
		    "FAIL fuzz_every_call_returns_a_documented_result: %lu violations, seed %lu\n",
		    nviolations, (unsigned long)FUZZ_SEED);
	else
		printf("PASS fuzz_every_call_returns_a_documented_result\n");
	exit(nviolations ? 1 : 0);
}
