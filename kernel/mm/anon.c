/* Anonymous memory backed at first touch: the growing stack and a program's .bss. */
#include "anon.h"

#include "errno.h"
#include "kernel.h"
#include "memlayout.h"
#include "pgalloc.h"
#include "riscv.h"
#include "task.h"
#include "vm.h"

/* The anonymous range va lies in, by the name the narration gives it, or NULL. */
static const char *anon_area(const struct task_group_s *t, uintptr_t va)
{
	if (va >= USTACK_LIMIT && va < USTACK_TOP)
		return "stack";
	if (va >= t->bss_start && va < t->image_end)
		return "bss";
	return NULL;
}

int anon_fault(struct task_group_s *t, uintptr_t va, uint64_t access)
{
	const char *area = anon_area(t, va);
	if (!area || access == PTE_X)
		return -EFAULT;
	uintptr_t page = PGROUNDDOWN(va);
	if (vm_lookup(t->pagetable, page) & PTE_V) /* a spurious fault: no page to spend */
		return -EEXIST;
	uintptr_t frame = mm_pgalloc(1); /* zeroed: no process sees another's old data */
	if (!frame)
		return -ENOMEM;
	int err = vm_map_missing(t->pagetable, page, frame, PTE_R | PTE_W | PTE_U);
	if (err) {
		mm_pgfree(frame, 1);
		return err;
	}
	narrate("%s: pid %d touches page 0x%lx for the first time -> frame 0x%lx (zeroed)\n", area,
		t->pid, page, frame);
	/* The hart may have cached the old invalid leaf entry: fence this one address. */
	sfence_vma_page(page);
	return 0;
}
