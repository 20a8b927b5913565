/* SBI calls: a7 = extension, a6 = function, a0.. = arguments; a0 = error, a1 = value. */
#include "sbi.h"

#define SBI_EXT_TIME 0x54494D45
#define SBI_TIME_SET_TIMER 0
#define SBI_EXT_IPI 0x735049
#define SBI_IPI_SEND 0
#define SBI_EXT_RFENCE 0x52464E43
#define SBI_RFENCE_SFENCE_VMA 1
#define SBI_EXT_HSM 0x48534D
#define SBI_HSM_HART_START 0

static long sbi_call(long ext, long fid, long arg0, long arg1, long arg2, long arg3)
{
	register long a0 __asm__("a0") = arg0;
	register long a1 __asm__("a1") = arg1;
	register long a2 __asm__("a2") = arg2;
	register long a3 __asm__("a3") = arg3;
	register long a6 __asm__("a6") = fid;
	register long a7 __asm__("a7") = ext;
	__asm__ volatile("ecall"
			 : "+r"(a0), "+r"(a1)
			 : "r"(a2), "r"(a3), "r"(a6), "r"(a7)
			 : "memory");
	return a0;
}

void sbi_set_timer(uint64_t stime)
{
	sbi_call(SBI_EXT_TIME, SBI_TIME_SET_TIMER, (long)stime, 0, 0, 0);
}

long sbi_hart_start(unsigned long hartid, uintptr_t start, unsigned long opaque)
{
	return sbi_call(SBI_EXT_HSM, SBI_HSM_HART_START, (long)hartid, (long)start, (long)opaque,
			0);
}

void sbi_send_ipi(unsigned long hart_mask, unsigned long hart_mask_base)
{
	sbi_call(SBI_EXT_IPI, SBI_IPI_SEND, (long)hart_mask, (long)hart_mask_base, 0, 0);
}

void sbi_remote_sfence_vma(unsigned long hart_mask, unsigned long hart_mask_base, uintptr_t start,
			   uintptr_t size)
{
	sbi_call(SBI_EXT_RFENCE, SBI_RFENCE_SFENCE_VMA, (long)hart_mask, (long)hart_mask_base,
		 (long)start, (long)size);
}
