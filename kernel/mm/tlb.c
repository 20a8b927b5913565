/* TLB shootdown: fencing the other harts that may still translate through a mapping that is
 * gone. kernel/mm/tlb.h says why, and docs/smp.md shows it on a timeline. */
#include "tlb.h"

#include "kernel.h"
#include "sbi.h"
#include "smp.h"

/* Tell what the shootdown does: whom it fences, and whom it spares and why. */
static void narrate_shootdown(const struct addrenv_s *env, uintptr_t va, size_t size,
			      unsigned long others)
{
	char line[200], spared[40] = "", fenced[40] = "";
	int ns = 0, nf = 0;
	for (int i = 0; i < NCPU; i++) {
		if (!cpus[i].started || i == (int)cpu_index())
			continue;
		if (others & 1UL << i)
			nf += kformat(fenced + nf, sizeof(fenced) - nf, " %d", i);
		else
			ns += kformat(spared + ns, sizeof(spared) - ns, " %d", i);
	}
	int n = kformat(line, sizeof(line), "shootdown: pid %d ", env->pid);
	if (size == TLB_ALL)
		n += kformat(line + n, sizeof(line) - n, "freed page tables near 0x%lx", va);
	else
		n += kformat(line + n, sizeof(line) - n,
			     "unmapped or made less permissive %zu page(s) at 0x%lx", size / PGSIZE,
			     va);
	n += kformat(line + n, sizeof(line) - n, "; hart %lu fenced itself", cpu_index());
	if (nf)
		n += kformat(line + n, sizeof(line) - n,
			     "; remote fence to hart(s)%s (pid %d's table in satp)", fenced,
			     env->pid);
	if (ns)
		kformat(line + n, sizeof(line) - n, "; spared hart(s)%s (hold nothing of it)",
			spared);
	kprintf("%s\n", line);
}

void tlb_shootdown(struct addrenv_s *env, uintptr_t va, size_t size)
{
	/* The PTE stores before the read of harts: a hart that joins after the read loads
	 * satp and flushes after the stores, so it cannot have cached what they cleared. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	unsigned long others =
	    __atomic_load_n(&env->harts, __ATOMIC_ACQUIRE) & ~(1UL << cpu_index());
	if (kernel_verbose && ncpu > 1)
		narrate_shootdown(env, va, size, others);
	if (others)
		sbi_remote_sfence_vma(others, 0, va, size == TLB_ALL ? (uintptr_t)-1 : size);
}

void tlb_wait_unloaded(struct addrenv_s *env)
{
	unsigned long me = 1UL << cpu_index();
	while (__atomic_load_n(&env->harts, __ATOMIC_ACQUIRE) & ~me)
		__asm__ volatile("nop"); /* the other hart is a few instructions from leaving */
}
