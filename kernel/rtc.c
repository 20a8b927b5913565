/* The goldfish RTC on QEMU virt: real Unix time, in nanoseconds. */
#include "rtc.h"

#include "memlayout.h"
#include "mmio.h"

#define RTC_TIME_LOW 0x00
#define RTC_TIME_HIGH 0x04

uint64_t rtc_nanoseconds(void)
{
	volatile uint32_t *rtc = mmio(RTC_PA);
	uint64_t low = rtc[RTC_TIME_LOW / 4]; /* reading the low half latches the high half */
	uint64_t high = rtc[RTC_TIME_HIGH / 4];
	return (high << 32) | low;
}

uint64_t rtc_seconds(void)
{
	return rtc_nanoseconds() / 1000000000ULL;
}
