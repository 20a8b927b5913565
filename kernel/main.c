/* kmain: from OpenSBI's hand-off to the first user process. */
#include "audit.h"
#include "cpu.h"
#include "fdt.h"
#include "kernel.h"
#include "memlayout.h"
#include "mm/pgalloc.h"
#include "mm/vm.h"
#include "programs.h"
#include "sched.h"
#include "shm/shm.h"
#include "shutdown.h"
#include "task.h"
#include "timer.h"
#include "trap.h"

extern char _start[], _end[];

/* Start every program built into the image. Boot fails loudly if one cannot start. */
static void spawn_programs(void)
{
	for (const struct user_program *p = user_programs; p->name; p++) {
		int pid = task_spawn(p->name, p->elf, (uint64_t)(p->elf_end - p->elf));
		if (pid < 0)
			panic("boot: cannot start %s (error %d)", p->name, -pid);
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
	shm_initialize();

	struct pginfo_s info;
	mm_pginfo(&info);
	narrate("mm: kernel 0x%lx..0x%lx, page pool 0x%lx..0x%lx: %zu pages, %zu free\n",
		(uintptr_t)_start, (uintptr_t)_end, mm_pgpool_start(), mm_pgpool_end(), info.ntotal,
		info.nfree);
	shutdown_record_boot();
	audit_record_boot();
	spawn_programs();
	timer_init(m.timebase_hz);
	scheduler();
}
