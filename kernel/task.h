/*
 * A process. NuttX calls what its threads share a task group; an rvshm process has one
 * thread, so its task group is the process: pid, address environment, user registers.
 */
#pragma once

#include <stdint.h>

#include "context.h"
#include "memlayout.h"
#include "mm/vm.h"
#include "shm/shm.h"
#include "spinlock.h"
#include "trapframe.h"

enum task_state { TASK_UNUSED, TASK_EMBRYO, TASK_RUNNABLE, TASK_RUNNING, TASK_ZOMBIE };

struct task_group_s {
	enum task_state state; /* under task_lock */
	int pid;
	char name[16];
	pagetable_t pagetable; /* the process's Sv39 root: kernel half shared, user half its own */
	uintptr_t kstack;      /* KSTACK_PAGES pages; the trapframe sits at their top */
	struct trapframe *tf;
	struct context context; /* where swtch() resumes it in the kernel */
	int wait_status;        /* how it ended, as waitpid() reports it */
	uid_t uid, euid;        /* real and effective user: shm permissions use euid */
	gid_t gid, egid;
	struct shm_group_s shm; /* its shared-memory window and attachments */
};

extern struct task_group_s tasks[];
extern struct spinlock task_lock;

/* The task running on this hart. */
struct task_group_s *this_task(void);

/* Create a process running the ELF image elf[0..size) and make it runnable.
 * Returns its pid, or a negative errno (-ENOEXEC, -ENOMEM, -EAGAIN) with nothing left over. */
int task_spawn(const char *name, const uint8_t *elf, uint64_t size);

/* End the current process with wait status wait_status. Does not return. */
__attribute__((noreturn)) void task_exit(int wait_status);

/* Kill the current process for a fault: print one line saying why, then exit by signal. */
__attribute__((noreturn)) void task_kill(int signal, const char *why);

/* Free the kernel stacks of exited tasks nobody will wait for. Caller holds task_lock and
 * runs on the scheduler's stack, never on a stack it frees. */
void task_reap_orphans(void);

/* How many tasks exist, exited or not. Caller holds task_lock. */
int task_count_live(void);

/* Wait-status encodings, as Linux's waitpid() reports them. */
#define W_EXITCODE(code) (((code)&0xff) << 8)
#define W_SIGNALED(sig) ((sig)&0x7f)
