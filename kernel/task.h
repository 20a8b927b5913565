/*
 * A process. NuttX calls what its threads share a task group; an rvshm process has one
 * thread, so its task group is the process: pid, address environment, user registers.
 */
#pragma once

#include <stdint.h>

#include "context.h"
#include "cpu.h"
#include "fpu.h"
#include "memlayout.h"
#include "mm/vm.h"
#include "shm/shm.h"
#include "spinlock.h"
#include "trapframe.h"

/* Pid 1 is init, as on Unix. Here the kernel plays init: it starts the programs, adopts the
 * children of a parent that exits, and reaps them. So the programs' pids start at 2. */
#define INIT_PID 1

enum task_state {
	TASK_UNUSED,   /* a free slot */
	TASK_EMBRYO,   /* being set up by spawn or fork */
	TASK_RUNNABLE, /* waiting for a hart */
	TASK_RUNNING,  /* on a hart */
	TASK_SLEEPING, /* waiting for a wakeup on chan, or for wake_time */
	TASK_ZOMBIE,   /* exited; its parent has not collected the status yet */
};

struct task_group_s {
	enum task_state state; /* under task_lock */
	int pid;
	char name[16];
	pagetable_t pagetable; /* the process's Sv39 root: kernel half shared, user half its own */
	uintptr_t kstack;      /* KSTACK_PAGES pages; the trapframe sits at their top */
	struct trapframe *tf;
	struct fpu_s fpu;            /* its FP registers, saved lazily (kernel/fpu.h) */
	struct context context;      /* where swtch() resumes it in the kernel */
	int wait_status;             /* how it ended, as waitpid() reports it */
	struct task_group_s *parent; /* NULL for programs started at boot, and orphans: their
				      * parent is init (INIT_PID), which the kernel plays */
	int boot_program;            /* started at boot: its status decides the power-off status */
	void *chan;                  /* what it sleeps on (under task_lock) */
	struct task_group_s *run_next; /* the next task in the run queue, while runnable */
	uint64_t wake_time;            /* for a timed sleep: the time CSR value to wake at */
	int killed;                    /* a signal is pending: exit by it on the way to U-mode */
	uint64_t cpu_ticks; /* time on a hart, in time CSR ticks, until its last switch off one */
	uint64_t child_cpu_ticks; /* the same of its children that ended and were waited for */
	long nvcsw, nivcsw;       /* times it gave up the hart: to wait, and preempted */
	long child_nvcsw,
	    child_nivcsw;    /* the same of its children that ended and were waited for */
	uintptr_t bss_start; /* [bss_start, image_end): .bss, backed at first touch */
	uintptr_t image_end; /* end of the loaded program: the heap starts here */
	uintptr_t brk;       /* end of the heap */
	uid_t uid, euid;     /* real and effective user: shm permissions use euid */
	gid_t gid, egid;
	struct shm_group_s shm; /* its shared-memory window and attachments */
};

extern struct task_group_s tasks[];
extern struct spinlock task_lock;

/* The task running on this hart. Interrupts are off whenever the kernel runs for a task,
 * so the task cannot move to another hart between reading tp and reading cpu->task. */
static inline struct task_group_s *this_task(void)
{
	return this_cpu()->task;
}

/* Create a process running the ELF image elf[0..size) and make it runnable.
 * Returns its pid, or a negative errno (-ENOEXEC, -ENOMEM, -EAGAIN, -E2BIG) with nothing left over. */
int task_spawn(const char *name, const uint8_t *elf, uint64_t size);

/* End the current process with wait status wait_status. Does not return. */
__attribute__((noreturn)) void task_exit(int wait_status);

/* Kill the current process for a fault: print one line saying why, then exit by signal. */
__attribute__((noreturn)) void task_kill(int signal, const char *why);

/* Claim a free slot with a fresh pid, its kernel stack and an empty page table, in state
 * TASK_EMBRYO. Returns NULL if the table is full (*err = -EAGAIN) or pages ran out. */
struct task_group_s *task_alloc(int *err);

/* Undo a task_alloc and whatever was set up since: the slot is free again. */
void task_free(struct task_group_s *t);

/* Make an embryo runnable: it starts by returning to U-mode with its trapframe. */
void task_start(struct task_group_s *t);

/* Make t runnable: put it at the tail of the run queue. Caller holds task_lock. */
void task_make_runnable(struct task_group_s *t);

/* Sleep on chan until wakeup(chan), releasing task_lock meanwhile. Caller holds task_lock. */
void sleep_on(void *chan);

/* Make every task sleeping on chan runnable. Caller holds task_lock. */
void wakeup(void *chan);

/* If exited task t has no parent to wait for it, free its kernel stack and its slot.
 * Caller holds task_lock and does not run on t's stack. */
void task_reap_orphan(struct task_group_s *t);

/* Tasks in a timed sleep (nanosleep), so the scheduler can skip looking for them. */
extern int timed_sleepers;

/* How many tasks exist, exited or not. Caller holds task_lock. */
int task_count_live(void);

/* Wait-status encodings, as Linux's waitpid() reports them. */
#define W_EXITCODE(code) (((code)&0xff) << 8)
#define W_SIGNALED(sig) ((sig)&0x7f)
