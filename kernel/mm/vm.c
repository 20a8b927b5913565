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

/* Walk the rest of the way from level l's table, allocating the missing tables below it.
 * Kept apart from vm_walk so the common walk, where every table exists, stays short. A new
 * table goes in with compare-and-swap: two harts may walk one process's page table at once
 * (its window under the shm lock, the rest under its vm_lock), and if the other hart puts a
 * table in this slot first, this one uses that table and gives its own back. */
__attribute__((noinline)) static pte_t *walk_and_allocate(pagetable_t pt, uintptr_t va, int l,
							  int *level)
{
	for (; l > *level; l--) {
		pte_t *slot = &pt[VPN(va, l)];
		pte_t pte = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
		if (pte & PTE_LEAF) {
			*level = l;
			return slot;
		}
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
	return &pt[VPN(va, *level)];
}

/* vm_walk's body: inlined where a walk is on a hot path (a fault, a run of pages), so that
 * the level lives in a register there. */
static inline __attribute__((always_inline)) pte_t *walk(pagetable_t pt, uintptr_t va, int *level,
							 int alloc)
{
	for (int l = 2; l > *level; l--) {
		pte_t pte = pt[VPN(va, l)];
		if (!(pte & PTE_V)) {
			if (alloc)
				return walk_and_allocate(pt, va, l, level);
			*level = l;
			return NULL;
		}
		if (pte & PTE_LEAF) { /* a huge page: this one PTE maps all of va's 2 MiB */
			*level = l;
			return &pt[VPN(va, l)];
		}
		pt = (pagetable_t)PTE_TO_PA(pte);
	}
	return &pt[VPN(va, *level)];
}

pte_t *vm_walk(pagetable_t pt, uintptr_t va, int *level, int alloc)
{
	return walk(pt, va, level, alloc);
}

/* The slot for a leaf at level for va: the next one after prev while va stays in prev's
 * table, so a run of 4 KiB pages costs one walk per 2 MiB, not one per page. NULL if a table
 * can't be had. (The slot is that of a leaf above level if one maps va already.) */
static inline __attribute__((always_inline)) pte_t *next_slot(pagetable_t pt, pte_t *prev,
							      uintptr_t va, int level, int alloc)
{
	if (prev && VPN(va, level) != 0)
		return prev + 1;
	int l = level;
	return walk(pt, va, &l, alloc);
}

/* Fill an empty leaf slot for va. Mapping over a live PTE is a kernel bug. */
static void set_leaf(pte_t *slot, uintptr_t va, uintptr_t pa, uint64_t perm)
{
	if (*slot & PTE_V)
		panic("vm: remap of va 0x%lx (pte 0x%lx)", va, *slot);
	/* Pre-set A and D: hardware may fault instead of setting them, and we need no counts. */
	*slot = PA_TO_PTE(pa) | perm | PTE_V | PTE_A | (perm & PTE_W ? PTE_D : 0);
}

/* A map of leaves at level from va failed after done of them: unmap those, and free the
 * tables the failed leaf's walk may have left empty (vm_unmap prunes around the leaf after its
 * last). Returns -ENOMEM. (Out of line: the mapping functions' common path then saves no
 * registers for it.) */
__attribute__((noinline)) static int unwind(struct addrenv_s *env, uintptr_t va, size_t done,
					    int level)
{
	/* the failed leaf itself is not mapped: it is skipped */
	vm_unmap(env, va, (done + 1) * (LEVEL_SIZE(level) / PGSIZE), 0);
	return -ENOMEM;
}

int vm_map_range(struct addrenv_s *env, uintptr_t va, uintptr_t pa, size_t size, uint64_t perm)
{
	pte_t *slot = NULL;
	for (size_t off = 0; off < size; off += PGSIZE) {
		if (!(slot = next_slot(env->pagetable, slot, va + off, PAGE_LEVEL, 1)))
			return unwind(env, va, off / PGSIZE, PAGE_LEVEL);
		set_leaf(slot, va + off, pa + off, perm);
	}
	return 0;
}

/* vm_map_pages' loop, for a level known when it is compiled. */
static inline __attribute__((always_inline)) int map_leaves(struct addrenv_s *env, uintptr_t va,
							    const uintptr_t *pages, size_t n,
							    int level, uint64_t perm)
{
	pte_t *slot = NULL;
	for (size_t i = 0; i < n; i++) {
		uintptr_t a = va + i * LEVEL_SIZE(level);
		if (!(slot = next_slot(env->pagetable, slot, a, level, 1)))
			return unwind(env, va, i, level);
		set_leaf(slot, a, pages[i], perm);
	}
	return 0;
}

int vm_map_pages(struct addrenv_s *env, uintptr_t va, const uintptr_t *pages, size_t n, int level,
		 uint64_t perm)
{
	/* The loop compiled for each level on its own: shmat maps thousands of leaves with it. */
	return level == PAGE_LEVEL ? map_leaves(env, va, pages, n, PAGE_LEVEL, perm)
				   : map_leaves(env, va, pages, n, HUGE_LEVEL, perm);
}

/* vm_map_missing when a table on the way is missing: allocate it, then map. */
__attribute__((noinline)) static int map_missing_slow(struct addrenv_s *env, uintptr_t va,
						      uintptr_t pa, int level, uint64_t perm)
{
	int l = level;
	pte_t *slot = vm_walk(env->pagetable, va, &l, 1);
	if (!slot)
		return unwind(env, va, 0, level);
	set_leaf(slot, va, pa, perm);
	/* New tables mean new non-leaf entries, which a fence for one address does not cover. */
	sfence_vma_all();
	return 0;
}

int vm_map_missing(struct addrenv_s *env, uintptr_t va, uintptr_t pa, int level, uint64_t perm)
{
	/* Usually the tables exist (the fault is one page of many): walk without allocating,
	 * so this path calls nothing and saves no registers. A walk for each level, which the
	 * compiler unrolls: every fault comes this way. */
	int l4k = PAGE_LEVEL, l2m = HUGE_LEVEL;
	pte_t *slot = level == PAGE_LEVEL ? walk(env->pagetable, va, &l4k, 0)
					  : walk(env->pagetable, va, &l2m, 0);
	if (!slot)
		return map_missing_slow(env, va, pa, level, perm);
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
	int tables;   /* some of the pages are page-table pages */
	int unfenced; /* 2 MiB leaves were cleared, and this hart has not fenced them yet */
};

#define EMPTY_BATCH ((struct unmap_batch){ UINTPTR_MAX, 0, { 0 }, 0, 0, 0 })

/* Fence every hart that may still translate through what the batch took out, then free its
 * pages. A hart caches non-leaf entries too, and a fence for one address orders only leaf
 * entries: so when tables go, every hart fences every address. */
static void batch_flush(struct addrenv_s *env, struct unmap_batch *b)
{
	if (b->start >= b->end && !b->tables)
		return; /* nothing was mapped: no hart can hold anything of it */
	if (b->tables || b->unfenced)
		sfence_vma_all(); /* this hart fenced each 4 KiB page already, but not these */
	tlb_shootdown(env, b->start, b->tables ? TLB_ALL : b->end - b->start, "unmapped");
	for (int i = 0; i < b->npages; i++)
		mm_pgfree(b->pages[i], 1);
	*b = EMPTY_BATCH;
}

/* Take the tables above va's leaf that hold nothing any more out of the page table, bottom
 * up, into b, and flush b to free them. */
static void prune(struct addrenv_s *env, uintptr_t va, struct unmap_batch *b)
{
	for (int level = 1; level <= 2; level++) {
		int l = level;
		pte_t *slot = vm_walk(env->pagetable, va, &l, 0);
		if (!slot || l != level || (*slot & PTE_LEAF))
			break; /* no table here, or a leaf still maps va */
		if (!(*slot & PTE_V))
			continue; /* a failed walk made the table above but not this one */
		uintptr_t table = PTE_TO_PA(*slot);
		if (!table_is_empty((const pte_t *)table))
			break;
		*slot = 0;
		b->pages[b->npages++] = table;
		b->tables = 1;
		/* for the narration: the start of what the table mapped */
		uintptr_t mapped = va & ~(LEVEL_SIZE(level) - 1);
		b->start = mapped < b->start ? mapped : b->start;
		if (kernel_verbose)
			kprintf("  pid %d's level %d table 0x%lx maps nothing now: unlinked, freed "
				"after a full fence\n",
				env->pid, level - 1, table);
	}
	if (b->tables)
		batch_flush(env, b);
}

/* Clear the leaf at slot, which maps the LEVEL_SIZE(level) at va, into b. */
static void clear_leaf(pte_t *slot, uintptr_t va, int level, int free_frames, struct unmap_batch *b)
{
	uintptr_t pa = PTE_TO_PA(*slot);
	*slot = 0;
	if (level == PAGE_LEVEL) {
		sfence_vma_page(va);
		if (free_frames)
			b->pages[b->npages++] = pa;
	} else {
		KASSERT(!free_frames); /* a huge page's frames belong to its segment */
		b->unfenced = 1;       /* one fence for them all, when the batch is flushed */
	}
	b->start = va < b->start ? va : b->start;
	b->end = va + LEVEL_SIZE(level);
}

void vm_unmap(struct addrenv_s *env, uintptr_t va, size_t npages, int free_frames)
{
	struct unmap_batch b = EMPTY_BATCH;
	uintptr_t end = va + npages * PGSIZE;
	for (uintptr_t a = va; a < end;) {
		int level = PAGE_LEVEL;
		pte_t *slot = walk(env->pagetable, a, &level, 0);
		/* Where what the walk found ends: a leaf table's 2 MiB, a huge page, or a span that
		 * holds nothing. */
		uintptr_t next = (a | (LEVEL_SIZE(level == PAGE_LEVEL ? 1 : level) - 1)) + 1;
		uintptr_t stop = next < end ? next : end;
		if (slot && level == PAGE_LEVEL) {
			/* A leaf table: its entries in turn. */
			for (; a < stop; a += PGSIZE, slot++) {
				if (*slot & PTE_V)
					clear_leaf(slot, a, PAGE_LEVEL, free_frames, &b);
				if (b.npages >= UNMAP_BATCH)
					batch_flush(env, &b);
			}
		} else {
			if (slot && (*slot & PTE_V)) {
				/* A huge page goes whole, or not at all. */
				KASSERT(a % LEVEL_SIZE(level) == 0 && next <= end);
				clear_leaf(slot, a, level, free_frames, &b);
			}
			a = stop;
		}
		/* Prune user tables at the end of the table that held what was cleared, and after
		 * the last page. The kernel's tables are shared by every process and are never
		 * pruned. */
		if (a - PGSIZE < USER_TOP && (a >= end || a % LEVEL_SIZE(level + 1) == 0))
			prune(env, a - PGSIZE, &b);
	}
	batch_flush(env, &b);
}

void vm_protect(struct addrenv_s *env, uintptr_t va, size_t npages, uint64_t perm)
{
	const uint64_t bits = PTE_R | PTE_W | PTE_X | PTE_U;
	uintptr_t lost_start = UINTPTR_MAX, lost_end = 0, end = va + npages * PGSIZE;
	for (uintptr_t a = va; a < end;) {
		int level = PAGE_LEVEL;
		pte_t *slot = walk(env->pagetable, a, &level, 0); /* the leaf, at whatever level */
		uintptr_t next = (a | (LEVEL_SIZE(level) - 1)) + 1;
		if (slot && (*slot & PTE_V) && (*slot & bits)) {
			pte_t old = *slot;
			*slot = pte_with_perm(old, perm);
			sfence_vma_page(a);
			if (old & bits & ~perm) {
				lost_start = a < lost_start ? a : lost_start;
				lost_end = next;
			}
		}
		a = next;
	}
	if (lost_end)
		tlb_shootdown(env, lost_start, lost_end - lost_start, "narrowed");
}

pte_t vm_lookup(pagetable_t pt, uintptr_t va)
{
	int level = PAGE_LEVEL;
	pte_t *slot = walk(pt, va, &level, 0);
	if (!slot || !(*slot & PTE_V))
		return 0;
	/* A huge page's frames are in a row and its leaf's low frame-number bits are zero, so
	 * va's 4 KiB page within it just fills them in. */
	return *slot + PA_TO_PTE(va & (LEVEL_SIZE(level) - 1));
}

int vm_create(struct addrenv_s *env, int pid)
{
	pagetable_t pt = (pagetable_t)mm_pgalloc(1);
	if (!pt)
		return -ENOMEM;
	memcpy(pt, kernel_addrenv.pagetable, PGSIZE); /* user half of the kernel's table is empty */
	*env = (struct addrenv_s){ pt, 0, pid, 0 };
	return 0;
}

/* Free a user table at level and everything below it. */
static void free_table(pagetable_t table, int level)
{
	for (int i = 0; i < PTES_PER_TABLE; i++) {
		pte_t pte = table[i];
		if (!(pte & PTE_V))
			continue;
		if (!(pte & PTE_LEAF)) {
			free_table((pagetable_t)PTE_TO_PA(pte), level - 1);
			continue;
		}
		KASSERT(level == PAGE_LEVEL); /* huge pages are shared memory's, detached before */
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
		if (!(pte & PTE_LEAF)) {
			int err = copy_table((pagetable_t)PTE_TO_PA(pte), level - 1, va, to,
					     skip_start, skip_end);
			if (err)
				return err;
			continue;
		}
		if (va >= skip_start && va < skip_end)
			continue;
		KASSERT(level == PAGE_LEVEL); /* huge pages are in the window, which is skipped */
		uintptr_t frame = mm_pgalloc(1);
		if (!frame)
			return -ENOMEM;
		memcpy((void *)frame, (const void *)PTE_TO_PA(pte), PGSIZE);
		if (vm_map_pages(to, va, &frame, 1, PAGE_LEVEL,
				 pte & (PTE_R | PTE_W | PTE_X | PTE_U)) != 0) {
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
