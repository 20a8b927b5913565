/* brk: move the end of the heap, mapping fresh zeroed pages or freeing them. */
#include "kernel.h"
#include "memlayout.h"
#include "pgalloc.h"
#include "riscv.h"
#include "syscall.h"
#include "task.h"
#include "vm.h"

/* Map zeroed RW pages over [from, to). Returns 0, or -1 with none of them left mapped. */
static int grow(pagetable_t pt, uintptr_t from, uintptr_t to)
{
	for (uintptr_t va = from; va < to; va += PGSIZE) {
		uintptr_t frame = mm_pgalloc(1);
		if (!frame || vm_map_pages(pt, va, &frame, 1, PTE_R | PTE_W | PTE_U) != 0) {
			if (frame)
				mm_pgfree(frame, 1);
			vm_unmap(pt, from, (va - from) / PGSIZE, 1);
			return -1;
		}
	}
	return 0;
}

/* Linux's brk: returns the new end of the heap, or the old one if it can't move there. */
long sys_brk(uintptr_t addr)
{
	struct task_group_s *t = this_task();
	if (addr < t->image_end || addr > HEAP_LIMIT)
		return (long)t->brk;
	uintptr_t old_top = PGROUNDUP(t->brk), new_top = PGROUNDUP(addr);
	if (new_top > old_top && grow(t->pagetable, old_top, new_top) != 0)
		return (long)t->brk;
	if (new_top > old_top)
		sfence_vma_all(); /* the hart may hold the old invalid entries, tables' included */
	if (new_top < old_top)
		vm_unmap(t->pagetable, new_top, (old_top - new_top) / PGSIZE, 1);
	t->brk = addr;
	return (long)addr;
}
