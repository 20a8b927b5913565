/* Sv39 walk, map and unmap: the only code that writes page-table entries. */
#include "vm.h"

#include "errno.h"
#include "kernel.h"
#include "lib/string.h"
#include "memlayout.h"
#include "pgalloc.h"
#include "riscv.h"
#include "tlb.h"

struct addrenv_s kernel_addrenv;

/* Walk the rest of the way from level's table, allocating the missing tables below it.
 * Kept apart from vm_walk so the common walk, where every table exists, stays short. A new
 * table goes in with compare-and-swap: two harts may walk one process's page table at once
 * (its window under the shm lock, the rest under its vm_lock), and if the other hart puts a
 * table in this slot first, this one uses that table and gives its own back. */
__attribute__((noinline)) static pte_t *walk_and_allocate(pagetable_t pt, uintptr_t va, int l,
							  int level)
{
	for (; l > level; l--) {
		pte_t *slot = &pt[VPN(va, l)];
		pte_t pte = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
		if (!(pte & PTE_V)) {
			uintptr_t table = mm_pgalloc(1);
			if (!table)
				return NULL;
			pte_t mine = PA_TO_PTE(table) | PTE_V;
			if (__atomic_compare_exchange_n(slot, &pte, mine, 0, __ATOMIC_ACQ_REL,
							__ATOMIC_ACQUIRE))
				pte = mine;
			else
				mm_pgfree(table, 1); /* pte holds the other hart's table now */
		}
		pt = (pagetable_t)PTE_TO_PA(pte);
	}
	return &pt[VPN(va, level)];
}

pte_t *vm_walk(pagetable_t pt, uintptr_t va, int level, int alloc)
{
	for (int l = 2; l > level; l--) {
		pte_t pte = pt[VPN(va, l)];
		if (!(pte & PTE_V))
			return alloc ? walk_and_allocate(pt, va, l, level) : NULL;
		if (pte & (PTE_R | PTE_W | PTE_X))
			panic("vm_walk: va 0x%lx meets a leaf at level %d", va,
			      l); /* no megapages */
		pt = (pagetable_t)PTE_TO_PA(pte);
	}
	return &pt[VPN(va, level)];
}

/* The leaf slot for va: the next one after prev while va stays in prev's leaf table, so a
 * run of pages costs one walk per 2 MiB, not one per page. NULL if a table can't be had. */
static pte_t *next_slot(pagetable_t pt, pte_t *prev, uintptr_t va, int alloc)
{
	return prev && VPN(va, 0) != 0 ? prev + 1 : vm_walk(pt, va, 0, alloc);
}

/* Fill an empty leaf slot for va. Mapping over a live PTE is a kernel bug. */
static void set_leaf(pte_t *slot, uintptr_t va, uintptr_t pa, uint64_t perm)
{
	if (*slot & PTE_V)
		panic("vm: remap of va 0x%lx (pte 0x%lx)", va, *slot);
	/* Pre-set A and D: hardware may fault instead of setting them, and we need no counts. */
	*slot = PA_TO_PTE(pa) | perm | PTE_V | PTE_A | (perm & PTE_W ? PTE_D : 0);
}

/* A map of pages from va failed after done pages: unmap those, and free the tables the
 * failed page's walk may have left empty (vm_unmap prunes around the page after its last).
 * Returns -ENOMEM. (Out of line: the mapping functions' common path then saves no registers
 * for it.) */
__attribute__((noinline)) static int unwind(struct addrenv_s *env, uintptr_t va, size_t done)
{
	vm_unmap(env, va, done + 1, 0); /* the failed page itself is not mapped: it is skipped */
	return -ENOMEM;
}

int vm_map_range(struct addrenv_s *env, uintptr_t va, uintptr_t pa, size_t size, uint64_t perm)
{
	pte_t *slot = NULL;
	for (size_t off = 0; off < size; off += PGSIZE) {
		if (!(slot = next_slot(env->pagetable, slot, va + off, 1)))
			return unwind(env, va, off / PGSIZE);
		set_leaf(slot, va + off, pa + off, perm);
	}
	return 0;
}

int vm_map_pages(struct addrenv_s *env, uintptr_t va, const uintptr_t *pages, size_t npages,
		 uint64_t perm)
{
	pte_t *slot = NULL;
	for (size_t i = 0; i < npages; i++) {
		if (!(slot = next_slot(env->pagetable, slot, va + i * PGSIZE, 1)))
			return unwind(env, va, i);
		set_leaf(slot, va + i * PGSIZE, pages[i], perm);
	}
	return 0;
}

/* vm_map_missing when a table on the way is missing: allocate it, then map. */
__attribute__((noinline)) static int map_missing_slow(struct addrenv_s *env, uintptr_t va,
						      uintptr_t pa, uint64_t perm)
{
	pte_t *slot = vm_walk(env->pagetable, va, 0, 1);
	if (!slot)
		return unwind(env, va, 0);
	set_leaf(slot, va, pa, perm);
	/* New tables mean new non-leaf entries, which a fence for one address does not cover. */
	sfence_vma_all();
	return 0;
}

int vm_map_missing(struct addrenv_s *env, uintptr_t va, uintptr_t pa, uint64_t perm)
{
	/* Usually the tables exist (the fault is one page of many): walk without allocating,
	 * so this path calls nothing and saves no registers. */
	pte_t *slot = vm_walk(env->pagetable, va, 0, 0);
	if (!slot)
		return map_missing_slow(env, va, pa, perm);
	if (*slot & PTE_V)
		return -EEXIST;
	set_leaf(slot, va, pa, perm);
	return 0;
}

/* Does table hold no valid entry? Eight entries a step: every shmdt that empties a table
 * asks this of all 512. */
static int table_is_empty(const pte_t *table)
{
	for (int i = 0; i < PTES_PER_TABLE; i += 8) {
		pte_t any = table[i] | table[i + 1] | table[i + 2] | table[i + 3] | table[i + 4] |
			    table[i + 5] | table[i + 6] | table[i + 7];
		if (any & PTE_V)
			return 0;
	}
	return 1;
}

/* What vm_unmap has taken out of the page table but not yet given back: pages go back to the
 * pool only once no hart can reach them through its TLB. */
#define UNMAP_BATCH 32
struct unmap_batch {
	uintptr_t start, end;             /* the leaves cleared since the last flush lie here */
	uintptr_t pages[UNMAP_BATCH + 2]; /* frames, and page-table pages (at most two a prune) */
	int npages;
	int tables; /* some of the pages are page-table pages */
};

/* Fence every hart that may still translate through what the batch took out, then free its
 * pages. A hart caches non-leaf entries too, and a fence for one address orders only leaf
 * entries: so when tables go, every hart fences every address. */
static void batch_flush(struct addrenv_s *env, struct unmap_batch *b)
{
	if (b->start >= b->end && !b->tables)
		return; /* nothing was mapped: no hart can hold anything of it */
	if (b->tables)
		sfence_vma_all(); /* this hart fenced each page already, but not the tables */
	tlb_shootdown(env, b->start, b->tables ? TLB_ALL : b->end - b->start);
	for (int i = 0; i < b->npages; i++)
		mm_pgfree(b->pages[i], 1);
	*b = (struct unmap_batch){ UINTPTR_MAX, 0, { 0 }, 0, 0 };
}

/* Take the tables above va's leaf that hold nothing any more out of the page table, bottom
 * up, into b, and flush b to free them. */
static void prune(struct addrenv_s *env, uintptr_t va, struct unmap_batch *b)
{
	for (int level = 1; level <= 2; level++) {
		pte_t *slot = vm_walk(env->pagetable, va, level, 0);
		if (!slot)
			break;
		if (!(*slot & PTE_V))
			continue; /* a failed walk made the table above but not this one */
		uintptr_t table = PTE_TO_PA(*slot);
		if (!table_is_empty((const pte_t *)table))
			break;
		*slot = 0;
		b->pages[b->npages++] = table;
		b->tables = 1;
	}
	if (b->tables)
		batch_flush(env, b);
}

void vm_unmap(struct addrenv_s *env, uintptr_t va, size_t npages, int free_frames)
{
	struct unmap_batch b = { UINTPTR_MAX, 0, { 0 }, 0, 0 };
	pte_t *slot = NULL;
	for (size_t i = 0; i < npages; i++) {
		uintptr_t a = va + i * PGSIZE;
		slot = next_slot(env->pagetable, slot, a, 0);
		if (slot && (*slot & PTE_V)) {
			uintptr_t pa = PTE_TO_PA(*slot);
			*slot = 0;
			sfence_vma_page(a);
			if (free_frames)
				b.pages[b.npages++] = pa;
			b.start = a < b.start ? a : b.start;
			b.end = a + PGSIZE;
		}
		/* Prune user tables at the end of each leaf table's span and after the last page.
		 * The kernel's tables are shared by every process and are never pruned. */
		if (a < USER_TOP && (i + 1 == npages || VPN(a + PGSIZE, 0) == 0)) {
			prune(env, a, &b);
			slot = NULL; /* the leaf table may be gone */
		}
		if (b.npages >= UNMAP_BATCH)
			batch_flush(env, &b);
	}
	batch_flush(env, &b);
}

void vm_protect(struct addrenv_s *env, uintptr_t va, size_t npages, uint64_t perm)
{
	const uint64_t bits = PTE_R | PTE_W | PTE_X | PTE_U;
	uintptr_t lost_start = UINTPTR_MAX, lost_end = 0;
	pte_t *slot = NULL;
	for (size_t i = 0; i < npages; i++) {
		uintptr_t a = va + i * PGSIZE;
		slot = next_slot(env->pagetable, slot, a, 0);
		if (!slot || !(*slot & PTE_V))
			continue;
		pte_t old = *slot;
		/* D pre-set with W, as set_leaf does. */
		*slot = (old & ~(bits | PTE_D)) | perm | (perm & PTE_W ? PTE_D : 0);
		sfence_vma_page(a);
		if (old & bits & ~perm) {
			lost_start = a < lost_start ? a : lost_start;
			lost_end = a + PGSIZE;
		}
	}
	if (lost_end)
		tlb_shootdown(env, lost_start, lost_end - lost_start);
}

pte_t vm_lookup(pagetable_t pt, uintptr_t va)
{
	pte_t *slot = vm_walk(pt, va, 0, 0);
	return slot && (*slot & PTE_V) ? *slot : 0;
}

int vm_create(struct addrenv_s *env, int pid)
{
	pagetable_t pt = (pagetable_t)mm_pgalloc(1);
	if (!pt)
		return -ENOMEM;
	memcpy(pt, kernel_addrenv.pagetable, PGSIZE); /* user half of the kernel's table is empty */
	*env = (struct addrenv_s){ pt, 0, pid };
	return 0;
}

/* Free a user table at level and everything below it. */
static void free_table(pagetable_t table, int level)
{
	for (int i = 0; i < PTES_PER_TABLE; i++) {
		pte_t pte = table[i];
		if (!(pte & PTE_V))
			continue;
		if (level > 0)
			free_table((pagetable_t)PTE_TO_PA(pte), level - 1);
		else
			mm_pgfree(PTE_TO_PA(pte), 1);
	}
	mm_pgfree((uintptr_t)table, 1);
}

void vm_destroy(struct addrenv_s *env)
{
	pagetable_t pt = env->pagetable;
	KASSERT(__atomic_load_n(&env->harts, __ATOMIC_ACQUIRE) == 0);
	for (uintptr_t i = 0; i < VPN(USER_TOP - 1, 2) + 1; i++)
		if (pt[i] & PTE_V)
			free_table((pagetable_t)PTE_TO_PA(pt[i]), 1);
	mm_pgfree((uintptr_t)pt, 1);
	env->pagetable = NULL;
}

/* Copy the leaves under table (at level, covering VAs from base) into to. */
static int copy_table(pagetable_t table, int level, uintptr_t base, struct addrenv_s *to,
		      uintptr_t skip_start, uintptr_t skip_end)
{
	for (int i = 0; i < PTES_PER_TABLE; i++) {
		pte_t pte = table[i];
		uintptr_t va = base + ((uintptr_t)i << VPN_SHIFT(level));
		if (!(pte & PTE_V))
			continue;
		if (level > 0) {
			int err = copy_table((pagetable_t)PTE_TO_PA(pte), level - 1, va, to,
					     skip_start, skip_end);
			if (err)
				return err;
			continue;
		}
		if (va >= skip_start && va < skip_end)
			continue;
		uintptr_t frame = mm_pgalloc(1);
		if (!frame)
			return -ENOMEM;
		memcpy((void *)frame, (const void *)PTE_TO_PA(pte), PGSIZE);
		if (vm_map_pages(to, va, &frame, 1, pte & (PTE_R | PTE_W | PTE_X | PTE_U)) != 0) {
			mm_pgfree(frame, 1);
			return -ENOMEM;
		}
	}
	return 0;
}

int vm_copy(pagetable_t from, struct addrenv_s *to, uintptr_t skip_start, uintptr_t skip_end)
{
	for (uintptr_t i = 0; i < VPN(USER_TOP - 1, 2) + 1; i++) {
		if (!(from[i] & PTE_V))
			continue;
		int err = copy_table((pagetable_t)PTE_TO_PA(from[i]), 1, i << VPN_SHIFT(2), to,
				     skip_start, skip_end);
		if (err)
			return err;
	}
	return 0;
}
