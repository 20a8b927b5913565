/* thread_create: a second (third, ...) thread in a process, the kernel half of pthread_create. */
#include "errno.h"
#include "kernel.h"
#include "lib/string.h"
#include "memlayout.h"
#include "mm/uaccess.h"
#include "mm/ustack.h"
#include "syscall.h"
#include "task.h"

long sys_thread_create(uintptr_t entry, uintptr_t arg, uintptr_t tls, uintptr_t ctid)
{
	struct tcb_s *self = this_thread();
	struct task_group_s *g = self->group;
	int err;
	struct tcb_s *t = thread_alloc(g, &err);
	if (!t)
		return err;
	int slot = ustack_slot_alloc(g);
	if (slot < 0) {
		thread_free(t);
		return slot;
	}
	t->stack_slot = slot;
	/* The tid goes into ctid before the thread can run, and so before its reaping can
	 * store the 0 there (Linux's CLONE_PARENT_SETTID, which glibc points at the same word). */
	if (ctid && copyout(ctid, &t->tid, sizeof(t->tid)) != 0) {
		ustack_slot_free(g, slot);
		thread_free(t);
		return -EFAULT;
	}
	memset(t->tf, 0, sizeof(*t->tf));
	t->tf->sepc = entry;
	t->tf->a0 = arg;
	t->tf->tp = tls;                    /* the C library's thread pointer */
	t->tf->gp = self->tf->gp;           /* the program's global pointer */
	t->tf->sp = THREAD_STACK_TOP(slot); /* 16-aligned, backed at first touch */
	t->affinity = self->affinity;       /* as on Linux: the creator's harts */
	t->clear_tid = ctid;
	spin_lock(&task_lock);
	g->nthreads++;
	int tid = t->tid;
	thread_make_runnable(t); /* FP registers start Initial: all zero (fpu.h) */
	spin_unlock(&task_lock);
	narrate("thread: pid %d starts thread %d at 0x%lx, stack 0x%lx-0x%lx (a guard gap below)\n",
		g->pid, tid, entry, THREAD_STACK_LOW(slot), THREAD_STACK_TOP(slot) - 1);
	return tid;
}
