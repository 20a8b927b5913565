/*
 * Which page table each hart uses, and keeping every hart's TLB honest.
 *
 * A hart caches translations of the page table in its satp. It drops them only when it
 * executes sfence.vma (all of them, or one address's), or loads another page table and
 * fences. So when the kernel takes a mapping away from a process, a hart that may hold it
 * must fence before the page is used for anything else: this hart with a local sfence.vma,
 * the others with a remote fence through SBI (a TLB shootdown). struct addrenv_s's harts set
 * says which others may hold one: those that have the page table in satp.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "cpu.h"
#include "riscv.h"
#include "vm.h"

/* Show the satp value that loads env's page table, the first time this is asked for it. */
void narrate_satp(struct addrenv_s *env);

/* Make env's page table this hart's, unless it is already. Inline: the scheduler does this at
 * every switch. The hart joins env's harts before its satp changes, so that a shootdown that
 * looks after that fences it; and it leaves the old one's only after the full flush, once it
 * holds none of the old translations. */
static inline void vm_switch(struct addrenv_s *env)
{
	struct cpu *c = this_cpu();
	if (c->addrenv == env)
		return;
	unsigned long me = 1UL << cpu_index();
	__atomic_fetch_or(&env->harts, me, __ATOMIC_SEQ_CST);
	csr_write(satp, MAKE_SATP(env->pagetable));
	sfence_vma_all();
	if (c->addrenv)
		__atomic_fetch_and(&c->addrenv->harts, ~me, __ATOMIC_RELEASE);
	c->addrenv = env;
}

/* The PTEs for [va, va + size) in env were just cleared or made less permissive, and this
 * hart has fenced itself: fence every other hart that has env loaded, through SBI, and return
 * once they all have. size == TLB_ALL fences every address (needed when page-table pages are
 * about to be freed, since harts cache non-leaf entries too). Narrated with V=1, change saying
 * what happened to the range ("unmapped"). */
void tlb_shootdown(struct addrenv_s *env, uintptr_t va, size_t size, const char *change);

#define TLB_ALL ((size_t)-1)

/* Wait until no hart but this one has env loaded. A hart that ran one of env's threads may
 * still be in its scheduler, about to load another page table; this waits for it. Then env's
 * page-table pages may be freed. Interrupts are off, and the caller holds no lock. */
void tlb_wait_unloaded(struct addrenv_s *env);
