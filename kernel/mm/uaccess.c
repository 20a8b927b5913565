/* Checked copy-in and copy-out. Check the whole range before a byte moves, so a failed copy
 * changes nothing the process can see (it may have backed a lazy page or grown the stack, as
 * a load or store would have). */
#include "uaccess.h"

#include "anon.h"
#include "errno.h"
#include "lib/string.h"
#include "memlayout.h"
#include "task.h"
#include "vm.h"

/* Is [uva, uva + n) user memory the process may access with perm (PTE_R or PTE_W)?
 * A shared page not yet backed is faulted in, and so is a first touch of the stack or .bss, as
 * a load or store would. */
int access_ok(uintptr_t uva, size_t n)
{
	return uva <= USER_TOP && n <= USER_TOP - uva;
}

static int user_range_ok(struct task_group_s *g, uintptr_t uva, size_t n, uint64_t perm)
{
	if (!access_ok(uva, n))
		return 0;
	for (uintptr_t va = PGROUNDDOWN(uva); va < uva + n; va += PGSIZE) {
		pte_t pte = vm_lookup(g->addrenv.pagetable, va);
		if (!(pte & PTE_V) && (shm_fault(g, va, perm) == 0 || anon_fault(g, va, perm) == 0))
			pte = vm_lookup(g->addrenv.pagetable, va);
		if ((pte & (PTE_V | PTE_U | perm)) != (PTE_V | PTE_U | perm))
			return 0;
	}
	return 1;
}

/* Copy between kernel buffer kbuf and user range [uva, uva + n), page by page through the
 * kernel's map of RAM. The range has been checked. */
static void copy_pages(pagetable_t pt, uintptr_t uva, void *kbuf, size_t n, int to_user)
{
	uint8_t *k = kbuf;
	while (n > 0) {
		uintptr_t off = uva % PGSIZE;
		size_t chunk = PGSIZE - off < n ? PGSIZE - off : n;
		uint8_t *frame = (uint8_t *)PTE_TO_PA(vm_lookup(pt, uva));
		if (to_user)
			memcpy(frame + off, k, chunk);
		else
			memcpy(k, frame + off, chunk);
		uva += chunk, k += chunk, n -= chunk;
	}
}

int copyin(void *dst, uintptr_t usrc, size_t n)
{
	struct task_group_s *g = this_group();
	if (!user_range_ok(g, usrc, n, PTE_R))
		return -EFAULT;
	copy_pages(g->addrenv.pagetable, usrc, dst, n, 0);
	return 0;
}

int copyout(uintptr_t udst, const void *src, size_t n)
{
	struct task_group_s *g = this_group();
	if (!user_range_ok(g, udst, n, PTE_W))
		return -EFAULT;
	copy_pages(g->addrenv.pagetable, udst, (void *)src, n, 1);
	return 0;
}
