/* Processes and their threads: creation from an embedded ELF image, exit, death by fault or
 * signal, and the table of both. */
#include "task.h"

#include <signal.h>

#include "cpu.h"
#include "elf.h"
#include "errno.h"
#include "kernel.h"
#include "lib/string.h"
#include "memlayout.h"
#include "mm/pgalloc.h"
#include "mm/tlb.h"
#include "mm/ustack.h"
#include "mm/vmprint.h"
#include "riscv.h"
#include "rlimit.h"
#include "sched.h"
#include "shutdown.h"
#include "smp.h"
#include "trap.h"

struct task_group_s groups[CONFIG_NPROC];
struct tcb_s threads[CONFIG_NTHREADS];
struct spinlock task_lock = SPINLOCK_INIT("tasks");
int timed_sleepers;
static int next_pid = INIT_PID + 1; /* pids and tids come from one count, as on Linux */

/* A new thread starts here, in the kernel, holding task_lock from the scheduler. Its page
 * table has just been loaded: the narration shows the satp value, the first time for each
 * process, here rather than on the switch's own path, which every switch takes. */
static void thread_first_run(void)
{
	spin_unlock(&task_lock);
	if (kernel_verbose)
		narrate_satp(&this_thread()->group->addrenv);
	trap_return(this_thread()->tf);
}

/* How many threads of g exist. Caller holds task_lock. */
static int threads_of(const struct task_group_s *g)
{
	int n = 0;
	for (int i = 0; i < CONFIG_NTHREADS; i++)
		n += threads[i].state != THREAD_UNUSED && threads[i].group == g;
	return n;
}

struct tcb_s *thread_alloc(struct task_group_s *g, int *err)
{
	struct tcb_s *t = NULL;
	spin_lock(&task_lock);
	if (threads_of(g) < CONFIG_THREADS_PER_PROCESS) {
		for (int i = 0; i < CONFIG_NTHREADS && !t; i++) {
			if (threads[i].state == THREAD_UNUSED) {
				t = &threads[i];
				memset(t, 0, sizeof(*t));
				t->state = THREAD_EMBRYO;
				t->tid = next_pid++;
				t->group = g;
				t->affinity = ~0UL;
				t->stack_slot = -1;
			}
		}
	}
	spin_unlock(&task_lock);
	*err = -EAGAIN;
	if (!t)
		return NULL;
	t->kstack = mm_pgalloc(KSTACK_PAGES);
	if (!t->kstack) {
		*err = -ENOMEM;
		thread_free(t);
		return NULL;
	}
	uintptr_t top = t->kstack + KSTACK_PAGES * PGSIZE;
	t->tf = (struct trapframe *)((top - sizeof(struct trapframe)) & ~15UL);
	t->context.ra = (uintptr_t)thread_first_run;
	t->context.sp = (uintptr_t)t->tf;
	return t;
}

void thread_free(struct tcb_s *t)
{
	if (t->kstack)
		mm_pgfree(t->kstack, KSTACK_PAGES);
	t->kstack = 0;
	spin_lock(&task_lock);
	t->state = THREAD_UNUSED;
	spin_unlock(&task_lock);
}

/* A free group slot, as GROUP_EMBRYO with nothing in it yet, or NULL. */
static struct task_group_s *group_alloc(void)
{
	struct task_group_s *g = NULL;
	spin_lock(&task_lock);
	for (int i = 0; i < CONFIG_NPROC && !g; i++) {
		if (groups[i].state == GROUP_UNUSED) {
			g = &groups[i];
			memset(g, 0, sizeof(*g));
			g->state = GROUP_EMBRYO;
			g->vm_lock = (struct spinlock)SPINLOCK_INIT("vm");
		}
	}
	spin_unlock(&task_lock);
	return g;
}

struct tcb_s *task_alloc(int *err)
{
	struct task_group_s *g = group_alloc();
	*err = -EAGAIN;
	if (!g)
		return NULL;
	struct tcb_s *t = thread_alloc(g, err);
	if (!t) {
		spin_lock(&task_lock);
		g->state = GROUP_UNUSED;
		spin_unlock(&task_lock);
		return NULL;
	}
	g->pid = t->tid; /* the main thread's tid is the process's pid */
	g->nthreads = 1;
	*err = vm_create(&g->addrenv, g->pid);
	if (*err) {
		task_free(t);
		return NULL;
	}
	return t;
}

void task_free(struct tcb_s *t)
{
	struct task_group_s *g = t->group;
	if (g->addrenv.pagetable) {
		shm_group_release(g);
		vm_destroy(&g->addrenv);
	}
	thread_free(t);
	spin_lock(&task_lock);
	g->state = GROUP_UNUSED;
	spin_unlock(&task_lock);
}

void thread_start(struct tcb_s *t)
{
	spin_lock(&task_lock);
	t->group->state = GROUP_LIVE; /* its first thread makes a new process live */
	thread_make_runnable(t);
	spin_unlock(&task_lock);
}

int task_spawn(const char *name, const uint8_t *elf, uint64_t size)
{
	int err;
	struct elf_layout layout;
	struct tcb_s *t = task_alloc(&err);
	if (!t)
		return err;
	struct task_group_s *g = t->group;
	size_t len = strlen(name);
	memcpy(g->name, name, len < sizeof(g->name) ? len : sizeof(g->name) - 1);
	err = elf_load(&g->addrenv, elf, size, &layout);
	if (err == 0)
		err = ustack_map(&g->addrenv, name, &t->tf->sp);
	if (err != 0) {
		task_free(t);
		return err;
	}
	g->bss_start = layout.bss_start;
	g->image_end = g->brk = layout.end;
	g->boot_program = 1;
	rlimit_init(g);
	t->tf->sepc = layout.entry;
	narrate("task: pid %d (%s) created, entry 0x%lx, heap from 0x%lx\n", g->pid, g->name,
		layout.entry, g->image_end);
	if (kernel_verbose)
		vm_print_map(g);
	narrate_pause();
	thread_start(t);
	return g->pid;
}

void group_doom(struct task_group_s *g, int wait_status)
{
	KASSERT(spin_holding(&task_lock));
	if (g->dying)
		return; /* the first to doom it decides how it ended */
	g->dying = 1;
	g->wait_status = wait_status;
	for (int i = 0; i < CONFIG_NTHREADS; i++) {
		struct tcb_s *t = &threads[i];
		if (t->group != g)
			continue;
		if (t->state == THREAD_SLEEPING)
			thread_make_runnable(t); /* its sleep loop sees dying, and returns */
		else if (t->state == THREAD_RUNNING && t != this_thread())
			smp_ipi(t->hart, IPI_WAKE); /* into the kernel, and out by thread_exit */
	}
}

/* The last thread of g has exited: give back all g has, and leave it a zombie for its parent.
 * Runs on that thread's kernel stack, with no lock held. */
static void group_teardown(struct task_group_s *g)
{
	shm_group_release(g); /* detach first: shared frames are not the process's to free */
	/* Leave the process's page table, and wait for every other hart to have left it, before
	 * freeing it: the kernel's own maps everything the kernel needs. */
	vm_switch(&kernel_addrenv);
	tlb_wait_unloaded(&g->addrenv);
	vm_destroy(&g->addrenv);
	if (g->boot_program)
		shutdown_note_exit(g->wait_status);
	spin_lock(&task_lock);
	/* Children outlive us as orphans: those already exited are reaped now, the rest when
	 * they exit. */
	for (int i = 0; i < CONFIG_NPROC; i++) {
		if (groups[i].parent == g && groups[i].state != GROUP_UNUSED) {
			groups[i].parent = NULL;
			group_reap_orphan(&groups[i]);
		}
	}
	g->state = GROUP_ZOMBIE; /* a parent in waitpid is woken when this thread is reaped */
}

void thread_exit(int wait_status)
{
	struct tcb_s *t = this_thread();
	struct task_group_s *g = t->group;
	if (t->stack_slot >= 0)
		ustack_slot_free(g, t->stack_slot); /* its stack, with every page of it */
	spin_lock(&task_lock);
	if (--g->nthreads > 0) {
		t->state = THREAD_DEAD; /* the scheduler frees its kernel stack (thread_reap) */
		sched();
	}
	if (!g->dying) /* the last thread to exit, and nobody doomed the group: its status */
		g->wait_status = wait_status;
	g->dying = 1;
	spin_unlock(&task_lock);
	group_teardown(g); /* returns holding task_lock */
	t->state = THREAD_DEAD;
	sched();
	panic("thread_exit: dead tid %d ran again", t->tid);
}

void task_exit(int wait_status)
{
	spin_lock(&task_lock);
	group_doom(this_group(), wait_status);
	spin_unlock(&task_lock);
	thread_exit(wait_status);
}

void task_kill(int signal, const char *why)
{
	struct tcb_s *t = this_thread();
	kprintf("kill: pid %d (%s): %s, sepc 0x%lx stval 0x%lx: signal %d\n", t->group->pid,
		t->group->name, why, csr_read(sepc), csr_read(stval), signal);
	task_exit(W_SIGNALED(signal));
}

void thread_reap(struct tcb_s *t)
{
	KASSERT(spin_holding(&task_lock) && t->state == THREAD_DEAD);
	struct task_group_s *g = t->group;
	g->dead_cpu_ticks += t->cpu_ticks;
	g->dead_nvcsw += t->nvcsw;
	g->dead_nivcsw += t->nivcsw;
	mm_pgfree(t->kstack, KSTACK_PAGES);
	t->kstack = 0;
	t->state = THREAD_UNUSED;
	/* Only now is all of the thread given back: tell a joiner (the last thread's process
	 * has no memory left to tell), and a parent waiting for the process's last thread. */
	if (t->clear_tid && g->state == GROUP_LIVE)
		futex_clear_tid(g, t->clear_tid);
	if (g->state == GROUP_ZOMBIE && g->parent)
		wakeup(g->parent);
	if (g->state == GROUP_ZOMBIE)
		group_reap_orphan(g);
}

/* The process's exit is reported only once its last thread is gone. Caller holds task_lock. */
int group_reapable(const struct task_group_s *g)
{
	return g->state == GROUP_ZOMBIE && threads_of(g) == 0;
}

void sleep_on(void *chan)
{
	struct tcb_s *t = this_thread();
	KASSERT(spin_holding(&task_lock));
	t->chan = chan;
	t->state = THREAD_SLEEPING;
	t->nvcsw++; /* it waits: a voluntary switch */
	sched();
	t->chan = NULL;
}

void wakeup(void *chan)
{
	KASSERT(spin_holding(&task_lock));
	for (int i = 0; i < CONFIG_NTHREADS; i++)
		if (threads[i].state == THREAD_SLEEPING && threads[i].chan == chan)
			thread_make_runnable(&threads[i]);
}

void group_reap_orphan(struct task_group_s *g)
{
	KASSERT(spin_holding(&task_lock));
	if (g->parent == NULL && group_reapable(g))
		g->state = GROUP_UNUSED;
}

struct tcb_s *thread_by_tid(int tid)
{
	KASSERT(spin_holding(&task_lock));
	for (int i = 0; i < CONFIG_NTHREADS; i++)
		if (threads[i].state != THREAD_UNUSED && threads[i].tid == tid)
			return &threads[i];
	return NULL;
}

int task_count_live(void)
{
	int n = 0;
	for (int i = 0; i < CONFIG_NPROC; i++)
		n += groups[i].state != GROUP_UNUSED;
	return n;
}

long sys_exit(int code)
{
	thread_exit(W_EXITCODE(code));
}

long sys_set_tid_address(uintptr_t uaddr)
{
	this_thread()->clear_tid = uaddr; /* checked when it is used, as on Linux */
	return this_thread()->tid;
}

long sys_exit_group(int code)
{
	task_exit(W_EXITCODE(code));
}

long sys_getpid(void)
{
	return this_group()->pid;
}

long sys_gettid(void)
{
	return this_thread()->tid;
}

long sys_getppid(void)
{
	struct task_group_s *g = this_group();
	spin_lock(&task_lock);
	int ppid = g->parent ? g->parent->pid : INIT_PID;
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

struct task_group_s *group_by_pid(int pid)
{
	struct tcb_s *t = thread_by_tid(pid);
	struct task_group_s *g = t ? t->group : NULL;
	for (int i = 0; i < CONFIG_NPROC && !g; i++)
		if (groups[i].state != GROUP_UNUSED && groups[i].pid == pid)
			g = &groups[i]; /* a zombie: its threads are gone */
	return g && (g->state == GROUP_LIVE || g->state == GROUP_ZOMBIE) ? g : NULL;
}

/* May a process with credentials sender signal one with target's? Linux's rule: root may signal
 * anyone; anyone else, a process whose real or saved user id is its real or effective one. */
static int may_signal(const struct cred_s *sender, const struct cred_s *target)
{
	return sender->euid == 0 || sender->euid == target->uid || sender->euid == target->suid ||
	       sender->uid == target->uid || sender->uid == target->suid;
}

long sys_kill(int pid, int sig)
{
	struct task_group_s *self = this_group();
	if (sig < 0 || sig > SIGRTMAX) /* 1..31, and the real-time signals 32..64 */
		return -EINVAL;
	if (pid == INIT_PID) /* the kernel, as init, ignores signals; only root may send them */
		return self->cred.euid == 0 ? 0 : -EPERM;
	spin_lock(&task_lock);
	struct task_group_s *g = group_by_pid(pid);
	long err = !g ? -ESRCH : may_signal(&self->cred, &g->cred) ? 0 : -EPERM;
	/* A zombie still exists until it is waited for, as on Linux: nothing to do. */
	if (err == 0 && ends_process(sig) && g->state == GROUP_LIVE)
		group_doom(g, W_SIGNALED(sig));
	spin_unlock(&task_lock);
	return err;
}
