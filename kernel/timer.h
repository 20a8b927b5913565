/* The preemption timer, driven through SBI TIME. */
#pragma once

#include <stdint.h>

/* Start a TIMESLICE_HZ tick on this hart; timebase_hz is the time CSR's rate. */
void timer_init(uint64_t timebase_hz);

/* A timer interrupt arrived: arm the next tick. */
void timer_interrupt(void);

/* The time CSR now, in ticks of timer_hz() a second. */
uint64_t timer_now(void);

/* The time CSR's rate, from the device tree. */
uint64_t timer_hz(void);
