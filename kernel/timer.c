/* The scheduler's tick: every 1/TIMESLICE_HZ s the running process may lose the hart. A
 * timed sleep that ends sooner brings the interrupt forward (timer_wake_by). */
#include "timer.h"

#include "cpu.h"
#include "riscv.h"
#include "sbi.h"

#define TIMESLICE_HZ 100

static uint64_t ticks_per_slice, hz;

uint64_t timer_hz(void)
{
	return hz;
}

void timer_init(uint64_t timebase_hz)
{
	hz = timebase_hz; /* every hart sets the same */
	ticks_per_slice = timebase_hz / TIMESLICE_HZ;
	timer_interrupt();
	csr_set(sie, SIE_STIE);
}

void timer_pause(uint64_t ticks)
{
	uint64_t until = timer_now() + ticks;
	while (timer_now() < until) {
		wfi(); /* wakes at the pending tick even with interrupts off */
		if (csr_read(sip) & SIP_STIP)
			timer_interrupt(); /* re-arm, which clears the pending tick */
	}
}

void timer_interrupt(void)
{
	struct cpu *c = this_cpu();
	c->timer_at = timer_now() + ticks_per_slice;
	sbi_set_timer(c->timer_at);
}

void timer_wake_by(uint64_t when)
{
	struct cpu *c = this_cpu();
	if (when < c->timer_at) {
		c->timer_at = when;
		sbi_set_timer(when);
	}
}

int timespec_valid(const struct kernel_timespec *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 && (uint64_t)ts->tv_nsec < NSEC_PER_SEC;
}

uint64_t timer_deadline(const struct kernel_timespec *ts)
{
	uint64_t now = timer_now(), secs = (uint64_t)ts->tv_sec;
	uint64_t ticks = (uint64_t)ts->tv_nsec * hz / NSEC_PER_SEC; /* < 10^9: no overflow */
	if (secs > (UINT64_MAX - now - ticks) / hz)
		return UINT64_MAX;
	ticks += secs * hz;
	return now + (ticks ? ticks : 1);
}
