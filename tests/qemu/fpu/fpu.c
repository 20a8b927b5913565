/* Floating point: each process has its own FP registers and fcsr, as the RISC-V psABI
 * promises a Linux program. The kernel saves them only when a process has written them. */
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fpregs.h"
#include "shmtest.h"
#include "utest.h"

#define ROUNDS 300

/* Fill the registers from seed, then yield the hart ROUNDS times, checking them after each
 * switch. Returns how many rounds found them changed. */
static int rounds_changed(uint64_t seed, uint64_t fcsr)
{
	int changed = 0;
	fp_fill(seed, fcsr);
	for (int i = 0; i < ROUNDS; i++) {
		sched_yield();
		if (!fp_holds(seed, fcsr)) {
			changed++;
			fp_fill(seed, fcsr);
		}
	}
	return changed;
}

TEST(two_processes_keep_their_own_fp_registers_across_switches)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(rounds_changed(0x1111000000000000, FCSR_RTZ) != 0);
	EXPECT_EQ(rounds_changed(0x2222000000000000, FCSR_RUP), 0);
	EXPECT(exited_with(reap(pid), 0));
}

TEST(a_child_starts_with_its_parents_fp_registers)
{
	fp_fill(0x3333000000000000, FCSR_RTZ | 0x1f); /* a rounding mode and every flag */
	pid_t pid = fork();
	if (pid == 0)
		_exit(!fp_holds(0x3333000000000000, FCSR_RTZ | 0x1f));
	int status = reap(pid);
	EXPECT(exited_with(status, 0));
}

static void zero_and_spin(void)
{
	fp_fill(0, 0);
	for (int i = 0; i < 20; i++)
		sched_yield();
}

TEST(a_childs_fp_writes_never_reach_its_parent)
{
	fp_fill(0x4444000000000000, FCSR_RUP);
	EXPECT(exited_with(in_child(zero_and_spin), 0));
	EXPECT(fp_holds(0x4444000000000000, FCSR_RUP));
}

TEST(fp_registers_survive_system_calls_and_page_faults)
{
	fp_fill(0x5555000000000000, FCSR_RTZ);
	getpid();
	int id = seg(IPC_PRIVATE, 4 * PG);
	volatile char *p = shmat(id, NULL, 0);
	for (int i = 0; i < 4; i++)
		p[i * PG] = 1; /* lazy backing faults each page in here */
	struct timespec ts = { 0, 1000000 };
	nanosleep(&ts, NULL);
	EXPECT(fp_holds(0x5555000000000000, FCSR_RTZ));
	dt((void *)p);
	rm(id);
}

TEST(double_arithmetic_rounds_as_ieee_754_says)
{
	volatile double a = 0.1, b = 0.2, third = 1.0 / 3.0;
	char buf[64];
	EXPECT(a + b != 0.3);
	snprintf(buf, sizeof(buf), "%.17g %.17g", a + b, third);
	EXPECT(strcmp(buf, "0.30000000000000004 0.33333333333333331") == 0);
}
