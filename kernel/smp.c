/* Starting the other harts, and IPIs between harts. */
#include "smp.h"

#include "audit.h"
#include "cpu.h"
#include "fpu.h"
#include "kernel.h"
#include "mm/tlb.h"
#include "riscv.h"
#include "sbi.h"
#include "sched.h"
#include "timer.h"
#include "trap.h"

int ncpu = 1;
static uint64_t timebase_hz;
static int all_up; /* every hart has started: they may all run threads now */

/* Each hart's fate at boot: it came up in time, or the boot hart gave up on it. Whichever
 * side moves it off HART_WAITED first decides. */
enum { HART_WAITED, HART_JOINED, HART_LEFT_OUT };
static int fate[NCPU];

/* Why each hart was last interrupted: IPI_* bits, set by the sender, cleared by the hart. */
static unsigned pending[NCPU];

/* Where every hart enters the kernel (boot/entry.S), with a0 = its hart id. */
extern char _start[];

/* A started hart's first C: the same set-up as the boot hart's, minus what is shared. */
__attribute__((noreturn)) void hart_main(unsigned long hartid)
{
	struct cpu *c = &cpus[hartid];
	int waited = HART_WAITED;
	if (!__atomic_compare_exchange_n(&fate[hartid], &waited, HART_JOINED, 0, __ATOMIC_ACQ_REL,
					 __ATOMIC_ACQUIRE))
		for (;;) /* too late: the kernel runs without this hart */
			wfi();
	c->hartid = hartid;
	vm_switch(&kernel_addrenv);
	trap_init();
	fpu_init();
	timer_init(timebase_hz);
	__atomic_store_n(&c->started, 1, __ATOMIC_RELEASE);
	/* Run nothing until every hart is up: the page audit stops the harts that run, and one
	 * that came up in the middle of an audit would not have been asked to stop. */
	while (!__atomic_load_n(&all_up, __ATOMIC_ACQUIRE))
		;
	scheduler();
}

/* Start hart id and wait for it to run the kernel; 1 if it does. A hart comes up in a few
 * thousand instructions. A host too loaded to run QEMU's thread for the hart within 10 s gets
 * it left out, so that the kernel boots without it, and says so. (Another IPI would not help:
 * OpenSBI sends IPIs only to harts that have started.) */
static int start_hart(unsigned long id)
{
	if (sbi_hart_start(id, (uintptr_t)_start, 0) != 0) {
		kprintf("smp: hart %lu would not start\n", id);
		return 0;
	}
	uint64_t deadline = csr_read(time) + 10 * timebase_hz;
	int waited = HART_WAITED;
	while (__atomic_load_n(&fate[id], __ATOMIC_ACQUIRE) == HART_WAITED)
		if (csr_read(time) >= deadline &&
		    __atomic_compare_exchange_n(&fate[id], &waited, HART_LEFT_OUT, 0,
						__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
			kprintf("smp: hart %lu did not come up in 10 s; running without it\n", id);
			return 0;
		}
	while (!__atomic_load_n(&cpus[id].started, __ATOMIC_ACQUIRE))
		; /* it has joined, and is setting itself up */
	return 1;
}

void smp_start_harts(const struct machine_info *m)
{
	timebase_hz = m->timebase_hz;
	cpus[cpu_index()].started = 1;
	for (unsigned long id = 0; id < NCPU; id++)
		if (m->harts & 1UL << id && id != cpu_index())
			ncpu += start_hart(id);
	__atomic_store_n(&all_up, 1, __ATOMIC_RELEASE);
}

unsigned long smp_online(void)
{
	unsigned long mask = 0;
	for (int i = 0; i < NCPU; i++)
		if (__atomic_load_n(&cpus[i].started, __ATOMIC_ACQUIRE))
			mask |= 1UL << i;
	return mask;
}

void smp_send_ipi(unsigned long mask)
{
	if (mask)
		sbi_send_ipi(mask, 0); /* hart ids are cpu indexes */
}

void smp_ipi(int i, int reason)
{
	__atomic_fetch_or(&pending[i], (unsigned)reason, __ATOMIC_RELEASE);
	smp_send_ipi(1UL << i);
}

int smp_stop_pending(void)
{
	unsigned *p = &pending[cpu_index()];
	if (!(__atomic_load_n(p, __ATOMIC_ACQUIRE) & IPI_STOP))
		return 0;
	__atomic_fetch_and(p, ~(unsigned)IPI_STOP, __ATOMIC_ACQ_REL);
	return 1;
}

void smp_ipi_received(void)
{
	csr_clear(sip, SIP_SSIP);
	unsigned reasons = __atomic_exchange_n(&pending[cpu_index()], 0, __ATOMIC_ACQUIRE);
	if (reasons & IPI_STOP)
		audit_stop_here();
	/* IPI_WAKE needs nothing here: the hart was woken from wfi, or interrupted on its way
	 * back to U-mode, where it looks at its thread anyway. */
}
