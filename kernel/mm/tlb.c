/* TLB shootdown: fencing the other harts that may still translate through a mapping that is
 * gone. kernel/mm/tlb.h says why, and docs/smp.md shows it on a timeline. */
#include "tlb.h"

#include "audit.h"
#include "kernel.h"
#include "sbi.h"
#include "smp.h"

/* Append " 0 2 ..." for the harts in mask to buf[size]. Returns the characters written. */
static int list_harts(char *buf, size_t size, unsigned long mask)
{
	int n = 0;
	for (int i = 0; i < NCPU; i++)
		if (mask & 1UL << i)
			n += kformat(buf + n, size - n, " %d", i);
	return n;
}

/* Tell, in one line, what changed and which harts fence: this one itself, those in others by
 * SBI because they have env's table loaded (they are in its process), and the rest are
 * spared. The line stays within 100 columns on up to 4 harts. */
static void narrate_shootdown(const struct addrenv_s *env, uintptr_t va, size_t size,
			      const char *change, unsigned long others)
{
	unsigned long spared = 0;
	for (int i = 0; i < NCPU; i++)
		if (cpus[i].started && i != (int)cpu_index() && !(others & 1UL << i))
			spared |= 1UL << i;
	char line[160];
	int n = kformat(line, sizeof(line), "  fence: pid %d, ", env->pid);
	if (size == TLB_ALL)
		n += kformat(line + n, sizeof(line) - n, "tables near 0x%lx freed", va);
	else
		n += kformat(line + n, sizeof(line) - n, "0x%lx-0x%lx %s", va, va + size - 1,
			     change);
	n += kformat(line + n, sizeof(line) - n, ": hart %lu itself", cpu_index());
	if (others) {
		n += kformat(line + n, sizeof(line) - n, "; SBI:");
		n += list_harts(line + n, sizeof(line) - n, others);
		n += kformat(line + n, sizeof(line) - n, " (in pid %d)", env->pid);
	}
	if (spared) {
		n += kformat(line + n, sizeof(line) - n, "; spared:");
		list_harts(line + n, sizeof(line) - n, spared);
	}
	kprintf("%s\n", line);
}

void narrate_satp(struct addrenv_s *env)
{
	if (__atomic_exchange_n(&env->satp_shown, 1, __ATOMIC_RELAXED))
		return; /* another hart showed it */
	uint64_t satp = MAKE_SATP(env->pagetable);
	kprintf("satp: hart %lu switches to pid %d: satp = 0x%lx (mode %lu = Sv39, ASID %lu, PPN "
		"0x%lx)\n  and fences all addresses, so that no translation of the last table "
		"stays cached\n",
		cpu_index(), env->pid, satp, satp >> 60, (satp >> 44) & 0xffff,
		satp & ((1UL << 44) - 1));
}

void tlb_shootdown(struct addrenv_s *env, uintptr_t va, size_t size, const char *change)
{
	/* The PTE stores before the read of harts: a hart that joins after the read loads
	 * satp and flushes after the stores, so it cannot have cached what they cleared. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	unsigned long others =
	    __atomic_load_n(&env->harts, __ATOMIC_ACQUIRE) & ~(1UL << cpu_index());
	if (kernel_verbose)
		narrate_shootdown(env, va, size, change, others);
	if (others)
		sbi_remote_sfence_vma(others, 0, va, size == TLB_ALL ? (uintptr_t)-1 : size);
}

void tlb_wait_unloaded(struct addrenv_s *env)
{
	unsigned long me = 1UL << cpu_index();
	while (__atomic_load_n(&env->harts, __ATOMIC_ACQUIRE) & ~me)
		if (smp_stop_pending()) /* no lock is held: the audit may stop this hart here */
			audit_stop_here();
}
