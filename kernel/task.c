/* Processes: creation from an embedded ELF image, exit, and death by fault. */
#include "task.h"

#include "cpu.h"
#include "elf.h"
#include "errno.h"
#include "kernel.h"
#include "lib/string.h"
#include "memlayout.h"
#include "mm/pgalloc.h"
#include "riscv.h"
#include "sched.h"
#include "shutdown.h"
#include "trap.h"

struct task_group_s tasks[CONFIG_NPROC];
struct spinlock task_lock = SPINLOCK_INIT("tasks");
static int next_pid = 1;

struct task_group_s *this_task(void)
{
	intr_push();
	struct task_group_s *t = this_cpu()->task;
	intr_pop();
	return t;
}

/* A new task starts here, in the kernel, holding task_lock from the scheduler. */
static void task_first_run(void)
{
	spin_unlock(&task_lock);
	trap_return(this_task()->tf);
}

/* Claim a free slot and give it a pid. Returns NULL if the table is full. */
static struct task_group_s *task_alloc(void)
{
	spin_lock(&task_lock);
	for (int i = 0; i < CONFIG_NPROC; i++) {
		if (tasks[i].state == TASK_UNUSED) {
			struct task_group_s *t = &tasks[i];
			memset(t, 0, sizeof(*t));
			t->state = TASK_EMBRYO; /* reserved while it is set up */
			t->pid = next_pid++;
			spin_unlock(&task_lock);
			return t;
		}
	}
	spin_unlock(&task_lock);
	return NULL;
}

/* Release what task_alloc and a partial set-up left. */
static void task_free(struct task_group_s *t)
{
	if (t->pagetable)
		vm_destroy(t->pagetable);
	if (t->kstack)
		mm_pgfree(t->kstack, KSTACK_PAGES);
	spin_lock(&task_lock);
	t->state = TASK_UNUSED;
	spin_unlock(&task_lock);
}

/* Map a fresh zeroed stack below USTACK_TOP. The page below it stays unmapped as a guard. */
static int map_user_stack(pagetable_t pt)
{
	for (uintptr_t va = USTACK_TOP - USTACK_SIZE; va < USTACK_TOP; va += PGSIZE) {
		uintptr_t frame = mm_pgalloc(1);
		if (!frame)
			return -ENOMEM;
		if (vm_map_pages(pt, va, &frame, 1, PTE_R | PTE_W | PTE_U) != 0) {
			mm_pgfree(frame, 1);
			return -ENOMEM;
		}
	}
	return 0;
}

int task_spawn(const char *name, const uint8_t *elf, uint64_t size)
{
	struct task_group_s *t = task_alloc();
	if (!t)
		return -EAGAIN;
	int err = -ENOMEM;
	uintptr_t entry, image_end;
	t->kstack = mm_pgalloc(KSTACK_PAGES);
	t->pagetable = vm_create();
	if (!t->kstack || !t->pagetable)
		goto fail;
	err = elf_load(t->pagetable, elf, size, &entry, &image_end);
	if (err == 0)
		err = map_user_stack(t->pagetable);
	if (err != 0)
		goto fail;

	size_t len = strlen(name);
	memcpy(t->name, name, len < sizeof(t->name) ? len : sizeof(t->name) - 1);
	uintptr_t top = t->kstack + KSTACK_PAGES * PGSIZE;
	t->tf = (struct trapframe *)((top - sizeof(struct trapframe)) & ~15UL);
	t->tf->sepc = entry;
	t->tf->sp = USTACK_TOP;
	t->context.ra = (uintptr_t)task_first_run;
	t->context.sp = (uintptr_t)t->tf;
	narrate("task: pid %d (%s) created: text at 0x%lx, image ends 0x%lx, stack top 0x%lx\n",
		t->pid, t->name, entry, image_end, USTACK_TOP);

	spin_lock(&task_lock);
	t->state = TASK_RUNNABLE;
	spin_unlock(&task_lock);
	return t->pid;
fail:
	task_free(t);
	return err;
}

void task_exit(int wait_status)
{
	struct task_group_s *t = this_task();
	shm_group_release(t); /* detach first: shared frames are not the process's to free */
	/* Leave the process's page table before freeing it; the kernel's maps everything we need. */
	vm_switch(kernel_pagetable);
	vm_destroy(t->pagetable);
	t->pagetable = NULL;
	shutdown_note_exit(wait_status);

	spin_lock(&task_lock);
	t->wait_status = wait_status;
	t->state = TASK_ZOMBIE;
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

void task_reap_orphans(void)
{
	KASSERT(spin_holding(&task_lock));
	for (int i = 0; i < CONFIG_NPROC; i++) {
		struct task_group_s *t = &tasks[i];
		if (t->state == TASK_ZOMBIE && t->pagetable == NULL && t->kstack) {
			mm_pgfree(t->kstack, KSTACK_PAGES);
			t->kstack = 0;
			t->state = TASK_UNUSED;
		}
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
