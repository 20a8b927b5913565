/* Power-off accounting: every page free at boot must be free again when nothing holds it. */
#include "shutdown.h"

#include "kernel.h"
#include "mm/pgalloc.h"
#include "riscv.h"
#include "shm/shm.h"
#include "spinlock.h"
#include "task.h"

static struct spinlock shutdown_lock = SPINLOCK_INIT("shutdown");
static size_t boot_free;
static int status; /* 0, or the first failure: the exit code, or 128 + signal */

void shutdown_record_boot(void)
{
	struct pginfo_s info;
	mm_pginfo(&info);
	boot_free = info.nfree;
}

void shutdown_note_exit(int wait_status)
{
	int sig = wait_status & 0x7f;
	int code = sig ? 128 + sig : (wait_status >> 8) & 0xff;
	spin_lock(&shutdown_lock);
	if (status == 0)
		status = code;
	spin_unlock(&shutdown_lock);
}

void shutdown(void)
{
	static int begun;
	/* Every idle hart that finds nothing left calls this: one powers off, and the rest
	 * sleep, so the closing lines come out once. */
	if (__atomic_exchange_n(&begun, 1, __ATOMIC_ACQ_REL))
		for (;;)
			wfi();
	struct pginfo_s info;
	int nsegs;
	size_t held = shm_held_pages(&nsegs);
	/* A segment outlives its processes until IPC_RMID: its pages are held, not lost. */
	if (nsegs > 0)
		kprintf("shm: %d segment%s never removed with IPC_RMID hold%s %zu page%s\n", nsegs,
			plural(nsegs), verb_s(nsegs), held, plural(held));
	mm_pginfo(&info);
	kprintf("mm: free pages boot=%zu exit=%zu\n", boot_free, info.nfree);
	kprintf("rvshm: all processes have exited, powering off (status %d)\n", status);
	poweroff(status);
}
