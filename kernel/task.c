/* Processes: creation from an embedded ELF image, exit, and death by fault. */
#include "task.h"

#include <signal.h>

#include "cpu.h"
#include "elf.h"
#include "errno.h"
#include "kernel.h"
#include "lib/string.h"
#include "memlayout.h"
#include "mm/pgalloc.h"
#include "mm/ustack.h"
#include "mm/vmprint.h"
#include "riscv.h"
#include "sched.h"
#include "shutdown.h"
#include "trap.h"

struct task_group_s tasks[CONFIG_NPROC];
struct spinlock task_lock = SPINLOCK_INIT("tasks");
int timed_sleepers;
static int next_pid = INIT_PID + 1;

/* A new task starts here, in the kernel, holding task_lock from the scheduler. */
static void task_first_run(void)
{
	spin_unlock(&task_lock);
	trap_return(this_task()->tf);
}

struct task_group_s *task_alloc(int *err)
{
	struct task_group_s *t = NULL;
	spin_lock(&task_lock);
	for (int i = 0; i < CONFIG_NPROC && !t; i++) {
		if (tasks[i].state == TASK_UNUSED) {
			t = &tasks[i];
			memset(t, 0, sizeof(*t));
			t->state = TASK_EMBRYO;
			t->pid = next_pid++;
		}
	}
	spin_unlock(&task_lock);
	*err = -EAGAIN;
	if (!t)
		return NULL;
	t->kstack = mm_pgalloc(KSTACK_PAGES);
	t->pagetable = vm_create();
	*err = -ENOMEM;
	if (!t->kstack || !t->pagetable) {
		task_free(t);
		return NULL;
	}
	uintptr_t top = t->kstack + KSTACK_PAGES * PGSIZE;
	t->tf = (struct trapframe *)((top - sizeof(struct trapframe)) & ~15UL);
	t->context.ra = (uintptr_t)task_first_run;
	t->context.sp = (uintptr_t)t->tf;
	return t;
}

void task_free(struct task_group_s *t)
{
	if (t->pagetable) {
		shm_group_release(t);
		vm_destroy(t->pagetable);
	}
	if (t->kstack)
		mm_pgfree(t->kstack, KSTACK_PAGES);
	spin_lock(&task_lock);
	t->state = TASK_UNUSED;
	spin_unlock(&task_lock);
}

void task_start(struct task_group_s *t)
{
	spin_lock(&task_lock);
	task_make_runnable(t);
	spin_unlock(&task_lock);
}

int task_spawn(const char *name, const uint8_t *elf, uint64_t size)
{
	int err;
	struct elf_layout layout;
	struct task_group_s *t = task_alloc(&err);
	if (!t)
		return err;
	size_t len = strlen(name);
	memcpy(t->name, name, len < sizeof(t->name) ? len : sizeof(t->name) - 1);
	err = elf_load(t->pagetable, elf, size, &layout);
	if (err == 0)
		err = ustack_map(t->pagetable, name, &t->tf->sp);
	if (err != 0) {
		task_free(t);
		return err;
	}
	t->bss_start = layout.bss_start;
	t->image_end = t->brk = layout.end;
	t->boot_program = 1;
	t->tf->sepc = layout.entry;
	narrate("task: pid %d (%s) created, entry 0x%lx, heap from 0x%lx\n", t->pid, t->name,
		layout.entry, t->image_end);
	if (kernel_verbose)
		vm_print_map(t);
	narrate_pause();
	task_start(t);
	return t->pid;
}

void task_exit(int wait_status)
{
	struct task_group_s *t = this_task();
	shm_group_release(t); /* detach first: shared frames are not the process's to free */
	/* Leave the process's page table before freeing it; the kernel's maps everything we need. */
	vm_switch(kernel_pagetable);
	vm_destroy(t->pagetable);
	t->pagetable = NULL;
	if (t->boot_program)
		shutdown_note_exit(wait_status);

	spin_lock(&task_lock);
	/* Children outlive us as orphans: those already exited are reaped now, the rest by
	 * the scheduler when they exit. */
	for (int i = 0; i < CONFIG_NPROC; i++) {
		if (tasks[i].parent == t && tasks[i].state != TASK_UNUSED) {
			tasks[i].parent = NULL;
			task_reap_orphan(&tasks[i]);
		}
	}
	t->wait_status = wait_status;
	t->state = TASK_ZOMBIE;
	if (t->parent)
		wakeup(t->parent); /* a parent in waitpid sleeps on itself */
	sched();
	panic("task_exit: zombie pid %d ran again", t->pid);
}

void task_kill(int signal, const char *why)
{
	struct task_group_s *t = this_task();
	kprintf("kill: pid %d (%s): %s, sepc 0x%lx stval 0x%lx: signal %d\n", t->pid, t->name, why,
		csr_read(sepc), csr_read(stval), signal);
	task_exit(W_SIGNALED(signal));
}

void sleep_on(void *chan)
{
	struct task_group_s *t = this_task();
	KASSERT(spin_holding(&task_lock));
	t->chan = chan;
	t->state = TASK_SLEEPING;
	t->nvcsw++; /* it waits: a voluntary switch */
	sched();
	t->chan = NULL;
}

void wakeup(void *chan)
{
	KASSERT(spin_holding(&task_lock));
	for (int i = 0; i < CONFIG_NPROC; i++)
		if (tasks[i].state == TASK_SLEEPING && tasks[i].chan == chan)
			task_make_runnable(&tasks[i]);
}

void task_reap_orphan(struct task_group_s *t)
{
	KASSERT(spin_holding(&task_lock));
	if (t->state == TASK_ZOMBIE && t->parent == NULL) {
		mm_pgfree(t->kstack, KSTACK_PAGES);
		t->kstack = 0;
		t->state = TASK_UNUSED;
	}
}

int task_count_live(void)
{
	int n = 0;
	for (int i = 0; i < CONFIG_NPROC; i++)
		n += tasks[i].state != TASK_UNUSED;
	return n;
}

long sys_exit(int code)
{
	task_exit(W_EXITCODE(code));
}

long sys_getpid(void)
{
	return this_task()->pid;
}

long sys_getppid(void)
{
	struct task_group_s *t = this_task();
	spin_lock(&task_lock);
	int ppid = t->parent ? t->parent->pid : INIT_PID;
	spin_unlock(&task_lock);
	return ppid;
}

/* Does sig, left to its default action, end a process? SIGCHLD, SIGURG and SIGWINCH are
 * ignored by default, and SIGCONT only continues a stopped process. Nothing is ever stopped,
 * for rvshm has no job control, so the stop signals have no effect either. */
static int ends_process(int sig)
{
	switch (sig) {
	case SIGCHLD:
	case SIGURG:
	case SIGWINCH:
	case SIGCONT:
	case SIGSTOP:
	case SIGTSTP:
	case SIGTTIN:
	case SIGTTOU:
		return 0;
	default:
		return sig != 0;
	}
}

long sys_kill(int pid, int sig)
{
	struct task_group_s *self = this_task();
	if (sig < 0 || sig > SIGRTMAX) /* 1..31, and the real-time signals 32..64 */
		return -EINVAL;
	if (pid == INIT_PID) /* the kernel, as init, ignores signals; only root may send them */
		return self->euid == 0 ? 0 : -EPERM;
	long err = -ESRCH;
	spin_lock(&task_lock);
	for (int i = 0; i < CONFIG_NPROC; i++) {
		struct task_group_s *t = &tasks[i];
		if (t->pid != pid || t->state == TASK_UNUSED || t->state == TASK_EMBRYO)
			continue;
		err = self->euid == 0 || self->euid == t->uid ? 0 : -EPERM;
		/* A zombie still exists until it is waited for, as on Linux: nothing to do. */
		if (err == 0 && ends_process(sig) && t->state != TASK_ZOMBIE) {
			t->killed = sig;
			if (t->state == TASK_SLEEPING)
				task_make_runnable(t);
		}
	}
	spin_unlock(&task_lock);
	return err;
}
