/*
 * Helpers the in-QEMU test programs share (tests/qemu/NAME/), linked into each.
 *
 * The short names (seg, stat_of, dt, rm) are kept because nearly every shared-memory test
 * uses them on most lines: a test reads better as "int id = seg(K(1), PG); ... rm(id);".
 * Where a contract says "expected", the helper checks that with EXPECT_OK or EXPECT_EQ, so
 * the running test fails when it does not hold; the other helpers check nothing.
 */
#pragma once

#include <sys/shm.h>
#include <sys/types.h>

/* The page size: segments, the window and attachments all come in whole pages. */
#define PG 4096UL

/* What shmat (and sbrk) return when they fail. */
#define FAILED ((void *)-1)

/* n seconds in ticks of rdtime, whose time base runs at 10 MHz. */
#define SECONDS(n) ((n)*10000000UL)

/* How long a test waits for another process: a hung peer fails the test, not the run. */
#define DEADLINE SECONDS(10)

/* shmget(key, size, IPC_CREAT | 0600), expected to succeed: the id, or -1. */
int seg(key_t key, size_t size);

/* IPC_STAT of id, expected to succeed; all zero if it did not. */
struct shmid_ds stat_of(int id);

/* shmdt(p), expected to succeed, unless p is FAILED: so a failed shmat needs no test. */
void dt(const void *p);

/* IPC_RMID of id, expected to succeed, unless id < 0: so a failed seg needs no test. */
void rm(int id);

/* The time now, in ticks of rdtime (see SECONDS). */
unsigned long now(void);

/* Yield until *v >= want or DEADLINE; whether it did. A barrier follows: prior stores show. */
int wait_for(volatile int *v, int want);

/* For children (checks nothing): yield until id has SHM_DEST or DEADLINE; whether it has. */
int wait_removed(int id);

/* Wait for child pid, expected to exist, and return its wait status (-1 if waitpid failed). */
int reap(pid_t pid);

/* Did the process with wait status status exit with code? */
int exited_with(int status, int code);

/* Was the process with wait status status killed by signal sig? */
int killed_by(int status, int sig);

/* The signal that killed the process with wait status status, or 0 if it was not killed. */
int signal_of(int status);

/* Run fn in a child that exits 0 if fn returns; its wait status (waitpid expected to work). */
int in_child(void (*fn)(void));

/* The free physical pages, from sysinfo (expected to succeed). */
unsigned long free_pages(void);

/* Fork sleepers into kids until max or fork fails (its errno in *err, else 0); how many. */
int fork_sleepers(pid_t *kids, int max, int *err);

/* SIGKILL each of the n children in kids, then reap each, expecting waitpid to return it. */
void kill_all(const pid_t *kids, int n);
