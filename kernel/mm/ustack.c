/* User stacks: the main stack's first pages and main's arguments at start, the thread-stack
 * slots, and which addresses are stack and which are guard gap. */
#include "ustack.h"

#include "errno.h"
#include "kernel.h"
#include "lib/string.h"
#include "memlayout.h"
#include "pgalloc.h"
#include "rlimit.h"
#include "task.h"

/* The longest argv[0]: it and the words below it must fit in the top stack page. */
#define ARGV0_MAX 255

/* Lay out main's arguments at the top of the stack, as Linux does: argc, argv[] ending in
 * NULL, an empty envp[], and an auxiliary vector that holds only its end (AT_NULL). argv[0] is
 * the program's name, at most ARGV0_MAX characters. top is the top stack page's frame, reached
 * through the kernel's map of RAM. Returns the user sp, which points at argc. */
static uintptr_t push_args(uintptr_t top, const char *name, size_t len)
{
	const uintptr_t page_va = USTACK_TOP - PGSIZE;
	uintptr_t str =
	    USTACK_TOP - ((len + 1 + 15) & ~(size_t)15); /* the ABI keeps sp 16-aligned */
	uintptr_t sp = str - 6 * sizeof(uint64_t);
	uint64_t *words = (uint64_t *)(top + (sp - page_va));
	words[0] = 1;   /* argc */
	words[1] = str; /* argv[0] */
	words[2] = 0;   /* argv[1]: the end of argv */
	words[3] = 0;   /* envp[0]: no environment */
	words[4] = 0;   /* auxv[0].a_type: AT_NULL, the end of the auxiliary vector */
	words[5] = 0;   /* auxv[0].a_val */
	memcpy((void *)(top + (str - page_va)), name, len); /* the frame is zeroed: NUL-ended */
	return sp;
}

int ustack_map(struct addrenv_s *env, const char *name, uintptr_t *sp)
{
	size_t len = strlen(name);
	if (len > ARGV0_MAX)
		return -E2BIG;
	for (uintptr_t va = USTACK_TOP - USTACK_SIZE; va < USTACK_TOP; va += PGSIZE) {
		uintptr_t frame = mm_pgalloc(1);
		if (!frame)
			return -ENOMEM;
		if (vm_map_pages(env, va, &frame, 1, PAGE_LEVEL, PTE_R | PTE_W | PTE_U) != 0) {
			mm_pgfree(frame, 1);
			return -ENOMEM;
		}
		if (va == USTACK_TOP - PGSIZE)
			*sp = push_args(frame, name, len);
	}
	return 0;
}

int ustack_slot_alloc(struct task_group_s *g)
{
	int slot = -EAGAIN;
	spin_lock(&g->vm_lock);
	for (int i = 0; i < THREAD_SLOTS && slot < 0; i++) {
		if (!(g->stack_slots & 1UL << i)) {
			g->stack_slots |= 1UL << i;
			slot = i;
		}
	}
	spin_unlock(&g->vm_lock);
	return slot;
}

void ustack_slot_free(struct task_group_s *g, int slot)
{
	spin_lock(&g->vm_lock);
	vm_unmap(&g->addrenv, THREAD_STACK_LOW(slot), THREAD_STACK_SIZE / PGSIZE, 1);
	g->stack_slots &= ~(1UL << slot);
	spin_unlock(&g->vm_lock);
}

/* The thread-stack slot va lies in, or -1. */
static int slot_of(uintptr_t va)
{
	if (va < THREAD_STACKS || va >= THREAD_STACKS_END)
		return -1;
	return (int)((va - THREAD_STACKS) / THREAD_SLOT_SIZE);
}

int ustack_contains(const struct task_group_s *g, uintptr_t va)
{
	if (va >= USTACK_TOP - rlimit_stack(g) && va < USTACK_TOP)
		return 1;
	int slot = slot_of(va);
	return slot >= 0 && (g->stack_slots & 1UL << slot) && va >= THREAD_STACK_LOW(slot);
}

int ustack_is_guard(const struct task_group_s *g, uintptr_t va)
{
	int slot = slot_of(va);
	return (va >= HEAP_LIMIT && va < USTACK_TOP - rlimit_stack(g)) ||
	       (slot >= 0 && va < THREAD_STACK_LOW(slot));
}
