/*
 * Processes and threads, as NuttX divides them. A task group (struct task_group_s) is what
 * all the threads of a process share: the address environment, the shared-memory window and
 * its attachments, the pid, the credentials, the heap and how the process ended. A thread
 * (struct tcb_s, NuttX's task control block) is what each runs on its own: its registers,
 * kernel stack, user stack, scheduling state and the harts it may run on.
 *
 * A process starts with one thread, its main thread, whose tid is the process's pid (as on
 * Linux). Every thread of a group runs in the same address environment, on any hart.
 */
#pragma once

#include <stdint.h>
#include <sys/resource.h>

#include "context.h"
#include "cpu.h"
#include "cred.h"
#include "fpu.h"
#include "memlayout.h"
#include "mm/vm.h"
#include "shm/shm.h"
#include "spinlock.h"
#include "trapframe.h"

/* Pid 1 is init, as on Unix. Here the kernel plays init: it starts the programs, adopts the
 * children of a parent that exits, and reaps them. So the programs' pids start at 2. */
#define INIT_PID 1

enum thread_state {
	THREAD_UNUSED,   /* a free slot */
	THREAD_EMBRYO,   /* being set up by spawn, fork or thread_create */
	THREAD_RUNNABLE, /* waiting for a hart, in the run queue */
	THREAD_RUNNING,  /* on a hart */
	THREAD_SLEEPING, /* waiting for a wakeup on chan, or for wake_time */
	THREAD_DEAD,     /* exited; the scheduler frees its kernel stack once it is off the hart */
};

struct task_group_s;

/* A thread. Fields marked (task_lock) change only under task_lock. */
struct tcb_s {
	enum thread_state state; /* (task_lock) */
	int tid;
	struct task_group_s *group;
	uintptr_t kstack; /* KSTACK_PAGES pages; the trapframe sits at their top */
	struct trapframe *tf;
	struct context context; /* where swtch() resumes it in the kernel */
	struct fpu_s fpu;       /* its FP registers, saved lazily (kernel/fpu.h) */
	void *chan;             /* what it sleeps on (task_lock) */
	uint64_t wake_time;     /* for a timed sleep: the time CSR value to wake at */
	uintptr_t futex_pa;     /* in futex_wait: the physical address it waits on */
	uintptr_t clear_tid;    /* user word set to 0, with a futex wake, once it is reaped:
				 * how pthread_join learns it is gone (set_tid_address) */
	struct tcb_s *run_next; /* the next thread in the run queue, while runnable */
	unsigned long affinity; /* the harts (cpu indexes, bit i for cpus[i]) it may run on */
	int hart;               /* the hart it runs on, or last ran on (cpu index) */
	int stack_slot;         /* its stack's slot in the thread-stack area; -1: the main stack */
	uint64_t cpu_ticks;     /* time on a hart, until its last switch off one */
	long nvcsw, nivcsw;     /* times it gave up the hart: to wait, and preempted */
};

enum group_state {
	GROUP_UNUSED, /* a free slot */
	GROUP_EMBRYO, /* being set up by spawn or fork: not yet seen by kill or wait */
	GROUP_LIVE,   /* has threads */
	GROUP_ZOMBIE, /* every thread has exited; its parent has not collected the status yet */
};

/* A process. */
struct task_group_s {
	enum group_state state; /* (task_lock) */
	int pid;
	char name[16];
	struct addrenv_s addrenv;    /* its page table, and the harts that have it loaded */
	struct spinlock vm_lock;     /* guards its page table outside the shared-memory window
				      * (the shm lock guards the window), brk and the stack slots */
	int nthreads;                /* threads not yet dead (task_lock) */
	int dying;                   /* exit or a fatal signal: every thread ends (task_lock) */
	int wait_status;             /* how it ended, as waitpid() reports it (task_lock) */
	struct task_group_s *parent; /* NULL for programs started at boot, and orphans: their
				      * parent is init (INIT_PID), which the kernel plays */
	int boot_program;            /* started at boot: its status decides the power-off status */
	uintptr_t bss_start;         /* [bss_start, image_end): .bss, backed at first touch */
	uintptr_t image_end;         /* end of the loaded program: the heap starts here */
	uintptr_t brk;               /* end of the heap (vm_lock) */
	uint64_t stack_slots;        /* thread-stack slots in use, a bit each (vm_lock) */
	struct cred_s cred;          /* who it is (kernel/cred.h); changes under task_lock */
	struct rlimit rlim[RLIM_NLIMITS]; /* its resource limits (kernel/rlimit.h); the same */
	struct shm_group_s shm;           /* its shared-memory window and attachments */
	/* Usage (task_lock): of its threads that have exited, and of its children that ended
	 * and were waited for. */
	uint64_t dead_cpu_ticks, child_cpu_ticks;
	long dead_nvcsw, dead_nivcsw, child_nvcsw, child_nivcsw;
};

extern struct task_group_s groups[CONFIG_NPROC];
extern struct tcb_s threads[CONFIG_NTHREADS];

/* Guards the thread and group tables' states, the run queue, sleep and wakeup, parents and
 * exit statuses, and credentials. The order of locks is at the top of kernel/spinlock.h. */
extern struct spinlock task_lock;

/* The thread running on this hart. Interrupts are off whenever the kernel runs for a thread,
 * so the thread cannot move to another hart between reading tp and reading cpu->thread. */
static inline struct tcb_s *this_thread(void)
{
	return this_cpu()->thread;
}

/* The process of the thread running on this hart. */
static inline struct task_group_s *this_group(void)
{
	return this_cpu()->thread->group;
}

/* Create a process running the ELF image elf[0..size) and make it runnable. Returns its
 * pid, or a negative errno (-ENOEXEC, -ENOMEM, -EAGAIN, -E2BIG) with nothing left over. */
int task_spawn(const char *name, const uint8_t *elf, uint64_t size);

/* Claim a free group slot with a fresh pid, an empty address environment and its main
 * thread (an embryo with a kernel stack). Returns the main thread, or NULL with *err set:
 * -EAGAIN when a table is full, -ENOMEM when pages ran out. */
struct tcb_s *task_alloc(int *err);

/* Undo a task_alloc and whatever was set up since: both slots are free again. */
void task_free(struct tcb_s *t);

/* Claim a free thread slot in group g with a fresh tid and a kernel stack, as an embryo.
 * Returns it, or NULL with *err set (-EAGAIN, -ENOMEM). */
struct tcb_s *thread_alloc(struct task_group_s *g, int *err);

/* Undo a thread_alloc: its slot and kernel stack are free again. */
void thread_free(struct tcb_s *t);

/* Make an embryo runnable: it starts by returning to U-mode with its trapframe. */
void thread_start(struct tcb_s *t);

/* End the calling thread. The last thread of its group ends the process, with the status
 * set by whoever doomed the group, else with wait_status. Does not return. */
__attribute__((noreturn)) void thread_exit(int wait_status);

/* Doom group g: every thread of it exits as soon as it next leaves the kernel, and the
 * process ends with wait_status unless it was doomed already. Sleeping threads are woken and
 * running ones interrupted. Caller holds task_lock. */
void group_doom(struct task_group_s *g, int wait_status);

/* End the calling process: doom it and exit this thread. Does not return. */
__attribute__((noreturn)) void task_exit(int wait_status);

/* Kill the current process for a fault: print one line saying why, then exit by signal. */
__attribute__((noreturn)) void task_kill(int signal, const char *why);

/* Make t runnable: put it at the tail of the run queue, and wake an idle hart it may run on.
 * Caller holds task_lock. */
void thread_make_runnable(struct tcb_s *t);

/* Wake an idle hart that t may run on, if there is one: t is in the run queue, and its
 * affinity may have just changed. Caller holds task_lock. */
void wake_hart_for(const struct tcb_s *t);

/* Sleep on chan until wakeup(chan), releasing task_lock meanwhile. Caller holds task_lock. */
void sleep_on(void *chan);

/* Make every thread sleeping on chan runnable. Caller holds task_lock. */
void wakeup(void *chan);

/* Free dead thread t's kernel stack and slot, and count its usage in its group. Called by
 * the scheduler once t is off every hart. Caller holds task_lock. */
void thread_reap(struct tcb_s *t);

/* If exited group g has no parent to wait for it, free its slot. Caller holds task_lock. */
void group_reap_orphan(struct task_group_s *g);

/* Has g exited with every thread of it reaped, so that its status may be collected? Caller
 * holds task_lock. */
int group_reapable(const struct task_group_s *g);

/* The process pid names, its own or (as Linux allows) one of its threads', once it is live
 * or a zombie; else NULL. Caller holds task_lock. */
struct task_group_s *group_by_pid(int pid);

/* The thread with tid, or NULL. Caller holds task_lock. */
struct tcb_s *thread_by_tid(int tid);

/* Linux's clear_child_tid: store 0 in the word at uaddr in g's memory and wake every thread
 * waiting on it. A word g cannot write is left alone. Caller holds task_lock. (futex.c) */
void futex_clear_tid(struct task_group_s *g, uintptr_t uaddr);

/* Threads in a timed sleep (nanosleep, futex), so the scheduler can skip looking for them. */
extern int timed_sleepers;

/* How many threads exist, exited or not, and processes not yet reaped. Caller holds
 * task_lock. */
int task_count_live(void);

/* Wait-status encodings, as Linux's waitpid() reports them. */
#define W_EXITCODE(code) (((code)&0xff) << 8)
#define W_SIGNALED(sig) ((sig)&0x7f)
