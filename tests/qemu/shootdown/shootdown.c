/*
 * TLB shootdown, seen from user space. A thread on hart 1 keeps touching a page while a
 * thread on hart 0 takes the page away (shmdt, the last detach of a removed segment, brk,
 * mprotect). Hart 1's TLB still holds the translation: QEMU keeps it until that hart fences.
 * Only the kernel's remote fence, done before the call returns, makes the next touch fault.
 * So the toucher, once it sees that the call has returned, must die of SIGSEGV at its very
 * next touch; if it can touch the page once more, it exits 3 and the test fails.
 */
#define _GNU_SOURCE /* sched_setaffinity, sched_getcpu */
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

#define TOUCHED_ENOUGH 1000 /* touches before the page is taken: its translation is cached */
#define STALE_EXIT 3        /* the toucher reached the page after it was taken */
#define NO_FAULT_EXIT 4     /* the toucher never died */

static volatile uint8_t *page; /* what the toucher touches */
static int touch_writes;       /* it stores to the page; else it loads from it */
static _Atomic int touches;    /* how often it has */
static _Atomic int taken;      /* the page has been taken: the call that took it returned */

/* Pin the calling thread to hart h. */
static void pin(int h)
{
	cpu_set_t set;
	CPU_ZERO(&set);
	CPU_SET(h, &set);
	if (sched_setaffinity(0, sizeof(set), &set) != 0 || sched_getcpu() != h)
		_exit(5);
}

static void touch(void)
{
	if (touch_writes)
		page[0] = 0xab;
	else
		(void)page[0];
}

/* On hart 1: touch the page until it is taken, then once more, which must fault. */
static void *toucher(void *unused)
{
	(void)unused;
	pin(1);
	while (!atomic_load(&taken)) {
		touch();
		atomic_fetch_add(&touches, 1);
	}
	touch();
	_exit(STALE_EXIT);
}

/* In a child: start the toucher on hart 1, and once it has touched the page often enough,
 * take the page with take() on hart 0. Returns only if the toucher did not die. */
static void race(void (*take)(void))
{
	pin(0);
	pthread_t t;
	if (pthread_create(&t, NULL, toucher, NULL) != 0)
		_exit(6);
	while (atomic_load(&touches) < TOUCHED_ENOUGH)
		;
	take();
	atomic_store(&taken, 1);
	for (long i = 0; i < 100000000; i++) /* the toucher's fault kills us long before */
		sched_yield();
	_exit(NO_FAULT_EXIT);
}

/* Did the toucher reach the page after the call that took it had returned? */
static int touched_after_taken(int status)
{
	return exited_with(status, STALE_EXIT);
}

/* Reap child pid, which ran race(): its toucher must have died of SIGSEGV. */
static void expect_toucher_faulted(pid_t pid)
{
	int status = reap(pid);
	EXPECT(!touched_after_taken(status));
	EXPECT_EQ(signal_of(status), SIGSEGV);
}

static void *attached;

static void take_by_shmdt(void)
{
	dt(attached);
}

/* Attach a fresh one-page segment for the toucher; remove it now if removed (it then goes at
 * the last detach, with its frame). */
static void attach_fresh(int removed)
{
	int id = seg(IPC_PRIVATE, PG);
	attached = shmat(id, NULL, 0);
	page = attached;
	if (removed)
		rm(id);
}

TEST(a_reader_on_another_hart_faults_at_its_first_read_after_shmdt)
{
	unsigned long before = free_pages();
	int id = seg(IPC_PRIVATE, PG);
	touch_writes = 0;
	pid_t pid = fork();
	if (pid == 0) {
		attached = shmat(id, NULL, 0);
		page = attached;
		race(take_by_shmdt);
	}
	expect_toucher_faulted(pid);
	rm(id);
	EXPECT_EQ(free_pages(), before); /* the killed process gave every page back */
}

TEST(a_writer_on_another_hart_never_reaches_a_frame_given_back_at_the_last_detach)
{
	touch_writes = 1;
	pid_t pid = fork();
	if (pid == 0) {
		attach_fresh(1); /* removed: shmdt gives its frame back */
		race(take_by_shmdt);
	}
	expect_toucher_faulted(pid);
	/* The frames given back are handed out again zeroed, and stay so: no stale write. */
	int id = seg(IPC_PRIVATE, 64 * PG);
	uint8_t *p = shmat(id, NULL, 0);
	unsigned long nonzero = 0;
	for (size_t i = 0; p != FAILED && i < 64 * PG; i++)
		nonzero += p[i] != 0;
	EXPECT_EQ(nonzero, 0);
	dt(p);
	rm(id);
}

static uint8_t *heap_page;

/* Lower the break to heap_page: it and all above it go (the toucher's own record that
 * pthread_create took from the heap too, which nothing touches again). */
static void take_by_brk(void)
{
	if (sbrk(heap_page - (uint8_t *)sbrk(0)) == FAILED)
		_exit(7);
}

TEST(a_reader_on_another_hart_faults_at_its_first_read_after_brk_shrinks)
{
	touch_writes = 0;
	pid_t pid = fork();
	if (pid == 0) {
		uintptr_t end = (uintptr_t)sbrk(0);
		sbrk((intptr_t)((end + PG - 1) / PG * PG - end)); /* the break on a page boundary */
		heap_page = sbrk((intptr_t)PG);
		heap_page[0] = 1;
		page = heap_page;
		race(take_by_brk);
	}
	expect_toucher_faulted(pid);
}

static uint8_t protected_page[4096] __attribute__((aligned(4096)));

static void take_by_mprotect(void)
{
	if (mprotect(protected_page, PG, PROT_READ) != 0)
		_exit(8);
}

TEST(a_writer_on_another_hart_faults_at_its_first_store_after_mprotect_read_only)
{
	touch_writes = 1;
	pid_t pid = fork();
	if (pid == 0) {
		page = protected_page;
		race(take_by_mprotect);
	}
	expect_toucher_faulted(pid);
}
