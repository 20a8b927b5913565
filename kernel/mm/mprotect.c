/*
 * mprotect: new permissions for whole pages of a process, in its private memory (program,
 * heap, stacks) and in its shared-memory attachments. It changes only the permission bits of
 * each page's PTE (vm_protect), never which frame the page maps, so shmdt and exit give every
 * page back whatever its permissions.
 *
 *   PROT_READ             R - - U       PROT_NONE: R - - -, without PTE_U. The page stays
 *   PROT_READ|PROT_WRITE  R W - U       mapped for the kernel, which frees and copies it as
 *   PROT_EXEC             - - X U       any other, but no user access passes, and copyin
 *                                       and copyout refuse it (EFAULT)
 *
 * A page not backed yet (.bss and the stacks, and shared memory with lazy backing) is backed
 * first, as a first touch would back it: its PTE then holds the new permissions, so that a
 * later touch faults as the permissions say and not as a first touch. Permissions are kept as
 * Linux keeps them for a process with PR_SET_MDWE_REFUSE_EXEC_GAIN (memory-deny-write-execute):
 * no page is ever writable and executable at once, and no page becomes executable that was
 * not (shared memory never is): EACCES. SHM_RDONLY attachments cannot become writable
 * (EACCES), as on Linux.
 */
#include <sys/mman.h>

#include "anon.h"
#include "errno.h"
#include "kernel.h"
#include "memlayout.h"
#include "riscv.h"
#include "shm/shm.h"
#include "syscall.h"
#include "task.h"
#include "tlb.h"
#include "vm.h"
#include "vmprint.h"

/* The PTE permissions prot asks for. PROT_WRITE alone reads too (RISC-V has no write-only
 * page, nor has Linux on it). */
static uint64_t prot_to_perm(int prot)
{
	if (!(prot & (PROT_READ | PROT_WRITE | PROT_EXEC)))
		return PTE_R; /* PROT_NONE: see above */
	return PTE_U | (prot & (PROT_READ | PROT_WRITE) ? PTE_R : 0) |
	       (prot & PROT_WRITE ? PTE_W : 0) | (prot & PROT_EXEC ? PTE_X : 0);
}

static int in_window(uintptr_t va)
{
	return va >= CONFIG_ARCH_SHM_VBASE && va < SHM_WINDOW_END;
}

/* May page va of g take prot? 0; -ENOMEM if nothing is mapped there, nor would be at a first
 * touch; -EACCES if the page may not have those permissions. Caller holds the locks. */
static long page_check(struct task_group_s *g, uintptr_t va, int prot)
{
	pte_t pte = vm_lookup(g->addrenv.pagetable, va);
	if (in_window(va)) {
		const struct shm_attach_s *a = shm_find_attachment(g, va);
		if (!a)
			return -ENOMEM;
		if ((prot & PROT_WRITE) && a->rdonly)
			return -EACCES;
	} else if (!(pte & PTE_V) && !anon_area(g, va)) {
		return -ENOMEM;
	}
	if ((prot & PROT_EXEC) && ((prot & PROT_WRITE) || !(pte & PTE_X)))
		return -EACCES; /* write and execute, or execute gained */
	return 0;
}

/* Back page va of g if nothing backs it yet, as a first touch would. Returns 0 or -ENOMEM.
 * Caller holds the locks. */
static long page_back(struct task_group_s *g, uintptr_t va)
{
	if (vm_lookup(g->addrenv.pagetable, va) & PTE_V)
		return 0;
	const char *how = "zeroed";
	long err = in_window(va) ? shm_back_page(g, shm_find_attachment(g, va), va, &how)
				 : anon_back_page(g, va);
	if (err == 0)
		narrate(
		    "mprotect: pid %d backs page 0x%lx first (frame 0x%lx, %s), so that its PTE "
		    "holds the new permissions\n",
		    g->pid, va, PTE_TO_PA(vm_lookup(g->addrenv.pagetable, va)), how);
	return err;
}

/* Tell how [va, end) changes to perm: one line for each run of pages whose PTEs had the same
 * flags, showing them before and after. */
static void narrate_protect(const struct task_group_s *g, uintptr_t va, uintptr_t end,
			    uint64_t perm)
{
	while (va < end) {
		pte_t first = vm_lookup(g->addrenv.pagetable, va) & PTE_FLAGS;
		uintptr_t run = va + PGSIZE;
		while (run < end && (vm_lookup(g->addrenv.pagetable, run) & PTE_FLAGS) == first)
			run += PGSIZE;
		char from[PTE_BITS_LEN], to[PTE_BITS_LEN];
		pte_bits(first, from);
		pte_bits(pte_with_perm(first, perm), to);
		kprintf("mprotect: pid %d va 0x%lx %lu page%s: %s -> %s\n", g->pid, va,
			(run - va) / PGSIZE, plural((run - va) / PGSIZE), from, to);
		va = run;
	}
}

/* Mark g's attachments in [va, end) as having pages whose permissions mprotect changed, so
 * that fork gives a child the same. Caller holds the shm lock. */
static void mark_attachments(struct task_group_s *g, uintptr_t va, uintptr_t end)
{
	for (int i = 0; i < SHM_MAX_ATTACH; i++) {
		struct shm_attach_s *a = &g->shm.attach[i];
		if (a->va && a->va < end && a->va + a->npages * PGSIZE > va)
			a->protected = 1;
	}
}

/* Does an edge of the range at x cut a huge page of g's? One leaf maps a huge page, so it
 * changes whole or not at all: Linux says EINVAL to a range that cuts one. */
static int cuts_a_huge_page(struct task_group_s *g, uintptr_t x)
{
	const struct shm_attach_s *a = in_window(x) ? shm_find_attachment(g, x) : NULL;
	return a && a->region->level == HUGE_LEVEL && x % LEVEL_SIZE(HUGE_LEVEL) != 0;
}

/* Check every page of [va, end), then back those not backed yet, then change them all: so an
 * error leaves every permission as it was. Caller holds the locks. */
static long protect(struct task_group_s *g, uintptr_t va, uintptr_t end, int prot)
{
	if (cuts_a_huge_page(g, va) || cuts_a_huge_page(g, end))
		return -EINVAL;
	long err = 0;
	for (uintptr_t p = va; p < end && !err; p += PGSIZE)
		err = page_check(g, p, prot);
	for (uintptr_t p = va; p < end && !err; p += PGSIZE)
		err = page_back(g, p);
	if (err)
		return err;
	uint64_t perm = prot_to_perm(prot);
	if (kernel_verbose)
		narrate_protect(g, va, end, perm);
	if (end > CONFIG_ARCH_SHM_VBASE)
		mark_attachments(g, va, end);
	vm_protect(&g->addrenv, va, (end - va) / PGSIZE, perm);
	return 0;
}

/* Linux's mprotect, with its checks in its order: the flags and the range first, then each page
 * in turn. The window's PTEs change under the shm lock, the rest under the process's vm_lock:
 * the range takes those it needs, in the order of kernel/spinlock.h. */
long sys_mprotect(uintptr_t addr, size_t len, int prot)
{
	struct task_group_s *g = this_group();
	int grows = prot & (PROT_GROWSDOWN | PROT_GROWSUP);
	if (grows == (PROT_GROWSDOWN | PROT_GROWSUP) || addr % PGSIZE != 0)
		return -EINVAL;
	if (len == 0)
		return 0;
	uintptr_t end = addr + PGROUNDUP(len);
	if (end <= addr) /* wrapped, or len rounds up past the top */
		return -ENOMEM;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM | grows))
		return -EINVAL;
	if (end > USER_TOP)
		return -ENOMEM; /* nothing is mapped there */
	if (grows)
		return -EINVAL; /* no mapping grows as Linux's stack does: rvshm's are laid out */
	int shared = end > CONFIG_ARCH_SHM_VBASE;
	int private = addr < CONFIG_ARCH_SHM_VBASE || end > SHM_WINDOW_END;
	if (shared)
		spin_lock(&g_shminfo.lock);
	if (private)
		spin_lock(&g->vm_lock);
	long err = protect(g, addr, end, prot);
	if (private)
		spin_unlock(&g->vm_lock);
	if (shared)
		spin_unlock(&g_shminfo.lock);
	return err;
}
