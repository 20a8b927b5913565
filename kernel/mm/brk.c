/* brk: move the end of the heap, mapping fresh zeroed pages or freeing them. */
#include "kernel.h"
#include "memlayout.h"
#include "pgalloc.h"
#include "riscv.h"
#include "rlimit.h"
#include "syscall.h"
#include "task.h"
#include "vm.h"

/* Map zeroed RW pages over [from, to). Returns 0, or -1 with none of them left mapped. */
static int grow(struct addrenv_s *env, uintptr_t from, uintptr_t to)
{
	for (uintptr_t va = from; va < to; va += PGSIZE) {
		uintptr_t frame = mm_pgalloc(1);
		if (!frame ||
		    vm_map_pages(env, va, &frame, 1, PAGE_LEVEL, PTE_R | PTE_W | PTE_U) != 0) {
			if (frame)
				mm_pgfree(frame, 1);
			vm_unmap(env, from, (va - from) / PGSIZE, 1);
			return -1;
		}
	}
	return 0;
}

/* Linux's brk: returns the new end of the heap, or the old one if it can't move there. Under
 * the process's vm_lock: its other threads may move the break, or fault pages in, meanwhile.
 * A lowered RLIMIT_AS is held to, which needs the shm lock too, taken first, to count the
 * attachments; no other brk can meet the limit, and none takes that lock. */
long sys_brk(uintptr_t addr)
{
	struct task_group_s *g = this_group();
	int counted = rlimit_as_lowered(g);
	if (counted)
		spin_lock(&g_shminfo.lock);
	spin_lock(&g->vm_lock);
	uintptr_t old_top = PGROUNDUP(g->brk), new_top = PGROUNDUP(addr);
	if (addr < g->image_end || addr > HEAP_LIMIT) {
		addr = g->brk;
	} else if (new_top > old_top && counted && !rlimit_as_allows(g, new_top - old_top)) {
		addr = g->brk;
	} else if (new_top > old_top && grow(&g->addrenv, old_top, new_top) != 0) {
		addr = g->brk;
	} else {
		if (new_top > old_top)
			sfence_vma_all(); /* the hart may hold old invalid entries, tables' included */
		if (new_top < old_top)
			vm_unmap(&g->addrenv, new_top, (old_top - new_top) / PGSIZE, 1);
		g->brk = addr;
	}
	spin_unlock(&g->vm_lock);
	if (counted)
		spin_unlock(&g_shminfo.lock);
	return (long)addr;
}
