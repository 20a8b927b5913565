/*
 * More than one hart. The boot hart starts the others through SBI HSM; each then runs the
 * scheduler on its own stack, with its own timer, and sleeps in wfi when idle. A hart is woken
 * or interrupted by another with an IPI: a supervisor software interrupt sent through SBI.
 * Harts are numbered by their hart ids (cpus[hartid]), so "hart 1" means the same everywhere.
 */
#pragma once

#include "fdt.h"

/* Start every other hart the device tree lists (those below NCPU), and return once they run
 * the kernel. Called by the boot hart once memory, traps and the scheduler's tables are up. */
void smp_start_harts(const struct machine_info *m);

/* Interrupt the harts in mask (bit i: hart i) with an IPI. */
void smp_send_ipi(unsigned long mask);

/* Why an IPI came: IPI_WAKE to make an idle hart look at the run queue (or a running one look
 * at its thread: killed? moved off this hart?), IPI_STOP to stop a hart for the page audit. A
 * hart reads and clears its reasons in smp_ipi_received. */
#define IPI_WAKE 1
#define IPI_STOP 2

/* Send hart i an IPI for reason (IPI_WAKE, IPI_STOP). */
void smp_ipi(int i, int reason);

/* Has another hart asked this one to stop (IPI_STOP)? Clears the request. For a hart that
 * waits with interrupts off and no lock held, which may stop right there. */
int smp_stop_pending(void);

/* This hart took a software interrupt: clear it, and act on the reasons sent. */
void smp_ipi_received(void);

/* The harts running the kernel, a bit each. */
unsigned long smp_online(void);
