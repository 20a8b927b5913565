/* The preemption timer, driven through SBI TIME. */
#pragma once

#include <stdint.h>

/* Start a TIMESLICE_HZ tick on this hart; timebase_hz is the time CSR's rate. */
void timer_init(uint64_t timebase_hz);

/* A timer interrupt arrived: arm the next tick. */
void timer_interrupt(void);

/* Make this hart's timer fire by time when (in time CSR ticks), if it would fire later: a
 * sleep then ends when it should, not at the next tick. Interrupts must be off. */
void timer_wake_by(uint64_t when);

/* Stop this hart for ticks of the time CSR, asleep in wfi with interrupts off: nothing else
 * runs meanwhile. Only for PACE=1's pauses in the narration. */
void timer_pause(uint64_t ticks);

/* The time CSR now, in ticks of timer_hz() a second. Inline: the scheduler reads it at every
 * switch, to charge each process the time it ran. */
static inline uint64_t timer_now(void)
{
	uint64_t t;
	__asm__ volatile("rdtime %0" : "=r"(t));
	return t;
}

/* The time CSR's rate, from the device tree. */
uint64_t timer_hz(void);

/* A time span as system calls pass it (Linux's struct __kernel_timespec). */
struct kernel_timespec {
	int64_t tv_sec;
	int64_t tv_nsec;
};

#define NSEC_PER_SEC 1000000000ULL

/* Is ts a span the kernel takes: no negative part, fewer than 10^9 nanoseconds? */
int timespec_valid(const struct kernel_timespec *ts);

/* The time CSR value ts from now, at least a tick away. A deadline past what the counter
 * can hold is as good as never: such a sleep ends only by a signal, and must not wrap around
 * into a short one. ts must be valid. */
uint64_t timer_deadline(const struct kernel_timespec *ts);
