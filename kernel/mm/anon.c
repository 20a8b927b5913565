/* Anonymous memory backed at first touch: the growing stacks and a program's .bss. */
#include "anon.h"

#include "errno.h"
#include "kernel.h"
#include "memlayout.h"
#include "pgalloc.h"
#include "riscv.h"
#include "task.h"
#include "ustack.h"
#include "vm.h"

const char *anon_area(const struct task_group_s *g, uintptr_t va)
{
	if (ustack_contains(g, va))
		return "stack";
	if (va >= g->bss_start && va < g->image_end)
		return "bss";
	return NULL;
}

int anon_back_page(struct task_group_s *g, uintptr_t page)
{
	if (vm_lookup(g->addrenv.pagetable, page) & PTE_V) /* spurious: no page to spend */
		return -EEXIST;
	uintptr_t frame = mm_pgalloc(1); /* zeroed: no process sees another's old data */
	if (!frame)
		return -ENOMEM;
	int err = vm_map_missing(&g->addrenv, page, frame, PAGE_LEVEL, PTE_R | PTE_W | PTE_U);
	if (err) {
		mm_pgfree(frame, 1);
		return err;
	}
	return 0;
}

int anon_fault(struct task_group_s *g, uintptr_t va, uint64_t access)
{
	uintptr_t page = PGROUNDDOWN(va);
	spin_lock(&g->vm_lock);
	const char *area = anon_area(g, va);
	int err = !area || access == PTE_X ? -EFAULT : anon_back_page(g, page);
	spin_unlock(&g->vm_lock);
	if (err)
		return err;
	narrate("%s: pid %d touches page 0x%lx for the first time -> frame 0x%lx (zeroed)\n", area,
		g->pid, page, PTE_TO_PA(vm_lookup(g->addrenv.pagetable, page)));
	/* The hart may have cached the old invalid leaf entry: fence this one address. */
	sfence_vma_page(page);
	return 0;
}
