/* Pictures of page tables: what the narration and vmprint() show a student. */
#include "vmprint.h"

#include "kernel.h"
#include "memlayout.h"
#include "syscall.h"
#include "task.h"

void pte_bits(pte_t pte, char buf[PTE_BITS_LEN])
{
	/* Bits 0 to 7 of a PTE, in order: the letters name them as the privileged spec does. */
	static const char names[] = "VRWXUGAD";
	for (int i = 0; i < 8; i++) {
		buf[2 * i] = pte & (1UL << i) ? names[i] : '-';
		buf[2 * i + 1] = ' ';
	}
	buf[PTE_BITS_LEN - 1] = '\0';
}

void pte_legend(void)
{
	kprintf("PTE bits, as the pictures show them (- when clear), bits 0 to 7 of each entry:\n");
	kprintf("  V valid  R read  W write  X execute  U user mode may use it\n");
	kprintf("  G global: in every address space (the kernel's own pages)\n");
	kprintf(
	    "  A accessed, D dirty: set by the kernel when it maps, so the hart never has to\n");
}

void vm_print_walk(pagetable_t pt, uintptr_t va, int pid, const char *who)
{
	kprintf("  Sv39 walk in pid %d (%s) for va 0x%lx: VPN[2]=%lu VPN[1]=%lu VPN[0]=%lu "
		"offset 0x%lx\n",
		pid, who, va, VPN(va, 2), VPN(va, 1), VPN(va, 0), va & (PGSIZE - 1));
	pagetable_t table = pt;
	for (int level = 2; level >= 0; level--) {
		pte_t pte = table[VPN(va, level)];
		int leaf = (pte & PTE_V) && (pte & PTE_LEAF);
		char bits[PTE_BITS_LEN];
		pte_bits(pte, bits);
		kprintf("    level %d table 0x%lx [%3lu] -> 0x%lx  %s%s\n", level, (uintptr_t)table,
			VPN(va, level), PTE_TO_PA(pte), bits,
			!(pte & PTE_V) ? " (not mapped)"
			: !leaf        ? " (next table)"
			: level        ? " (a 2 MiB leaf)"
				       : " (the frame)");
		if (leaf && level) {
			kprintf(
			    "    no level 0: VPN[0] and the page offset together, 0x%lx, are the "
			    "offset into 2 MiB\n",
			    va & (LEVEL_SIZE(level) - 1));
			return;
		}
		if (!(pte & PTE_V))
			return;
		table = (pagetable_t)PTE_TO_PA(pte);
	}
}

/* The part of the per-process memory map (kernel/memlayout.h) a page at va with PTE
 * permissions perm belongs to. */
static const char *area(uintptr_t va, pte_t perm)
{
	if (va >= CONFIG_ARCH_SHM_VBASE && va < SHM_WINDOW_END)
		return "shared memory";
	if (va >= USTACK_LIMIT && va < USTACK_TOP)
		return "stack";
	if (perm & PTE_X)
		return "text";
	return perm & PTE_W ? "data, bss, heap" : "rodata";
}

/* A run of leaves at one level, in a row, with the same permissions in the same area. */
struct run {
	uintptr_t va, first_pa;
	size_t count;
	pte_t perm;
	int level;
};

/* Print one run: 4 KiB pages, or huge pages of 2 MiB. */
static void print_run(const struct run *r)
{
	char bits[PTE_BITS_LEN];
	pte_bits(r->perm, bits);
	kprintf("    0x%08lx-0x%08lx %5zu %spage%s  %s  %-16s first frame 0x%lx\n", r->va,
		r->va + r->count * LEVEL_SIZE(r->level) - 1, r->count,
		r->level == HUGE_LEVEL ? "huge " : "", r->count == 1 ? " " : "s", bits,
		area(r->va, r->perm), r->first_pa);
}

void vm_print_map(const struct task_group_s *t)
{
	pagetable_t pt = t->addrenv.pagetable;
	kprintf("  pid %d (%s): page table root 0x%lx; user half:\n", t->pid, t->name,
		(uintptr_t)pt);
	struct run run = { 0 };
	int huge = 0;
	for (uintptr_t va = 0; va < USER_TOP;) {
		int level = HUGE_LEVEL;
		pte_t *slot = vm_walk(pt, va, &level, 0);
		if (!slot || !(*slot & PTE_V)) { /* no leaf table, no huge page: skip it all */
			va = (va | (LEVEL_SIZE(level) - 1)) + 1;
			continue;
		}
		if (!(*slot & PTE_LEAF))
			level = PAGE_LEVEL; /* a leaf table: its pages one by one */
		pte_t pte = vm_lookup(pt, va);
		pte_t perm = pte & PTE_FLAGS;
		int extends = run.count && perm == run.perm && level == run.level &&
			      va == run.va + run.count * LEVEL_SIZE(level) &&
			      area(va, perm) == area(run.va, run.perm);
		if (!extends && run.count)
			print_run(&run);
		if (!extends)
			run = (struct run){ va, PTE_TO_PA(pte), 0, perm, level };
		run.count += pte != 0;
		huge |= pte && level == HUGE_LEVEL;
		va += LEVEL_SIZE(level);
	}
	if (run.count)
		print_run(&run);
	if (huge)
		kprintf(
		    "    (a huge page is 2 MiB: one leaf PTE at level 1 maps it, 512 frames in a "
		    "row)\n");
	if (t->bss_start < t->image_end)
		kprintf("    .bss 0x%08lx-0x%08lx is backed a page at a time, at first touch\n",
			t->bss_start, t->image_end - 1);
	kprintf(
	    "    the stack grows on first touch down to 0x%08lx; a guard gap below, never mapped\n",
	    USTACK_LIMIT);
	kprintf("    shared-memory window 0x%08lx-0x%08lx\n", CONFIG_ARCH_SHM_VBASE,
		SHM_WINDOW_END - 1);
	kprintf("    (the kernel half is mapped too, G but not U: this process cannot touch it)\n");
}

long sys_vmprint(void)
{
	vm_print_map(this_group());
	return 0;
}
