/* kmain: from OpenSBI's hand-off to the first user process. */
#include "audit.h"
#include "cpu.h"
#include "errno.h"
#include "fdt.h"
#include "fpu.h"
#include "kernel.h"
#include "memlayout.h"
#include "mm/pgalloc.h"
#include "mm/vm.h"
#include "mm/vmprint.h"
#include "programs.h"
#include "sched.h"
#include "shm/shm.h"
#include "shutdown.h"
#include "smp.h"
#include "task.h"
#include "timer.h"
#include "trap.h"

extern char _start[], _etext[], _end[];

/* The physical memory map at boot, as kernel/memlayout.h draws it, with this run's numbers. */
static void print_memory_map(uintptr_t ram_end)
{
	struct pginfo_s info;
	mm_pginfo(&info);
	uintptr_t pool = mm_pgpool_start();
	kprintf("Physical memory:\n");
	kprintf("  0x%08lx  test device   MMIO: power-off\n", TEST_DEVICE_PA);
	kprintf("  0x%08lx  RTC           MMIO: Unix time\n", RTC_PA);
	kprintf("  0x%08lx  UART          MMIO: this console\n", UART_PA);
	kprintf("  0x%08lx  OpenSBI       firmware, 0x%lx bytes\n", 0x80000000UL,
		KERNEL_BASE - 0x80000000UL);
	kprintf(
	    "  0x%08lx  kernel        text R-X 0x%lx-0x%lx, rodata R--, data+bss RW- to 0x%lx\n",
	    KERNEL_BASE, (uintptr_t)_start, (uintptr_t)_etext - 1, (uintptr_t)_end - 1);
	size_t bitmap = (pool - (uintptr_t)_end) / PGSIZE;
	kprintf("  0x%08lx  page bitmap   %zu page%s, one bit per pool page\n", (uintptr_t)_end,
		bitmap, plural(bitmap));
	kprintf("  0x%08lx  free pool     %zu pages (%zu MiB) to 0x%lx\n", pool, info.ntotal,
		info.ntotal * PGSIZE >> 20, ram_end);
	kprintf("  The kernel's page table took %zu of them: %zu pages are free.\n",
		info.ntotal - info.nfree, info.nfree);
}

/* Why task_spawn could not start a program (its error err), in words. */
static const char *spawn_failure(int err)
{
	switch (err) {
	case -ENOEXEC:
		return "not a RISC-V executable, or too large for the user address space";
	case -E2BIG:
		return "its name is too long for argv[0]";
	case -EAGAIN:
		return "no free process slot";
	default: /* -ENOMEM */
		return "too little free memory to load it";
	}
}

/* Start every program built into the image. One that cannot start is reported and counts as
 * failed with status 126, as a shell reports a command it found but cannot run; the others
 * run on. */
static void spawn_programs(void)
{
	narrate("init: the kernel is pid %d; it starts each program and reaps orphans\n", INIT_PID);
	for (const struct user_program *p = user_programs; p->name; p++) {
		int pid = task_spawn(p->name, p->elf, (uint64_t)(p->elf_end - p->elf));
		if (pid < 0) {
			kprintf("init: cannot start %s: %s (error %d): exit status 126\n", p->name,
				spawn_failure(pid), -pid);
			shutdown_note_exit(W_EXITCODE(126));
		}
	}
}

__attribute__((noreturn)) void kmain(unsigned long hartid, const void *dtb)
{
	this_cpu()->hartid = hartid;
	struct machine_info m;
	if (fdt_read(dtb, &m) != 0)
		panic("boot: no usable device tree at %p", dtb);
	kprintf("rvshm: hart %lu, RAM 0x%lx..0x%lx (%lu MiB), timebase %lu Hz\n", hartid,
		m.ram_base, m.ram_base + m.ram_size, m.ram_size >> 20, m.timebase_hz);

	uintptr_t ram_end = m.ram_base + m.ram_size;
	mm_pginitialize((uintptr_t)_end, ram_end);
	kvm_init(ram_end);
	trap_init();
	fpu_init();

	if (kernel_verbose) {
		print_memory_map(ram_end);
		pte_legend();
	}
	narrate_pause();
	shutdown_record_boot();
	audit_record_boot();
	spawn_programs();
	timer_init(m.timebase_hz);
	smp_start_harts(&m);
	kprintf("rvshm: %d hart%s running\n", ncpu, ncpu == 1 ? "" : "s");
	scheduler();
}
