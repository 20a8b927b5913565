/* RISC-V privileged-architecture names: CSRs, their bits, and the instructions we use. */
#pragma once

#include <stdint.h>

#define SSTATUS_SIE (1UL << 1)
#define SSTATUS_SPIE (1UL << 5)
#define SSTATUS_SPP (1UL << 8)
/* sstatus.FS: the state of the FP registers. Off makes every FP instruction illegal; the
 * hart moves Initial or Clean to Dirty at the first write of an FP register or fcsr. */
#define SSTATUS_FS (3UL << 13)
#define SSTATUS_FS_INITIAL (1UL << 13)
#define SSTATUS_FS_CLEAN (2UL << 13)
#define SSTATUS_FS_DIRTY (3UL << 13)

#define SIE_SSIE (1UL << 1)
#define SIP_SSIP (1UL << 1)
#define SIE_STIE (1UL << 5)
#define SIP_STIP (1UL << 5)

#define SCAUSE_INTERRUPT (1UL << 63)
#define IRQ_S_SOFT 1
#define IRQ_S_TIMER 5

enum exception_cause {
	EXC_INST_MISALIGNED = 0,
	EXC_INST_ACCESS = 1,
	EXC_ILLEGAL_INST = 2,
	EXC_BREAKPOINT = 3,
	EXC_LOAD_MISALIGNED = 4,
	EXC_LOAD_ACCESS = 5,
	EXC_STORE_MISALIGNED = 6,
	EXC_STORE_ACCESS = 7,
	EXC_ECALL_U = 8,
	EXC_ECALL_S = 9,
	EXC_INST_PAGE_FAULT = 12,
	EXC_LOAD_PAGE_FAULT = 13,
	EXC_STORE_PAGE_FAULT = 15,
};

/* scounteren bits: let U-mode read cycle, time and instret. */
#define SCOUNTEREN_CY (1U << 0)
#define SCOUNTEREN_TM (1U << 1)
#define SCOUNTEREN_IR (1U << 2)

#define SATP_SV39 (8UL << 60)
#define MAKE_SATP(root_pa) (SATP_SV39 | ((uintptr_t)(root_pa) >> 12))

#define csr_read(csr)                                                                              \
	({                                                                                         \
		uint64_t v__;                                                                      \
		__asm__ volatile("csrr %0, " #csr : "=r"(v__));                                    \
		v__;                                                                               \
	})
#define csr_write(csr, val) __asm__ volatile("csrw " #csr ", %0" ::"rK"((uint64_t)(val)))
#define csr_read_clear(csr, bits)                                                                  \
	({                                                                                         \
		uint64_t v__;                                                                      \
		__asm__ volatile("csrrc %0, " #csr ", %1" : "=r"(v__) : "rK"((uint64_t)(bits)));   \
		v__;                                                                               \
	})
#define csr_set(csr, bits) __asm__ volatile("csrs " #csr ", %0" ::"rK"((uint64_t)(bits)))
#define csr_clear(csr, bits) __asm__ volatile("csrc " #csr ", %0" ::"rK"((uint64_t)(bits)))

/* Flush the whole TLB: after a satp write, after mapping a batch of pages, and after any
 * change to an entry that points to a table. */
static inline void sfence_vma_all(void)
{
	__asm__ volatile("sfence.vma zero, zero" ::: "memory");
}

/* Flush one page's leaf translation: after unmapping it, or after mapping it when only its
 * leaf entry changed. A change to a table-pointing entry needs sfence_vma_all. */
static inline void sfence_vma_page(uintptr_t va)
{
	__asm__ volatile("sfence.vma %0, zero" ::"r"(va) : "memory");
}

static inline void wfi(void)
{
	__asm__ volatile("wfi" ::: "memory");
}

static inline uint64_t read_fp(void)
{
	uint64_t fp;
	__asm__ volatile("mv %0, s0" : "=r"(fp));
	return fp;
}
