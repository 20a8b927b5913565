/* SBI calls: a7 = extension, a6 = function, a0.. = arguments; a0 = error, a1 = value. */
#include "sbi.h"

#define SBI_EXT_TIME 0x54494D45
#define SBI_TIME_SET_TIMER 0

static long sbi_call(long ext, long fid, long arg0)
{
	register long a0 __asm__("a0") = arg0;
	register long a6 __asm__("a6") = fid;
	register long a7 __asm__("a7") = ext;
	__asm__ volatile("ecall" : "+r"(a0) : "r"(a6), "r"(a7) : "a1", "memory");
	return a0;
}

void sbi_set_timer(uint64_t stime)
{
	sbi_call(SBI_EXT_TIME, SBI_TIME_SET_TIMER, (long)stime);
}
