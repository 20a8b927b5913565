/* panic(): the kernel found one of its own invariants broken. Say where, then stop. */
#include <stdarg.h>

#include "kernel.h"
#include "lib/vformat.h"
#include "memlayout.h"
#include "riscv.h"

#define PANIC_STATUS 255
#define MAX_FRAMES 16

extern char _start[], _etext[];

/* Print return addresses by following saved frame pointers (the kernel keeps them). */
static void backtrace(void)
{
	uint64_t fp = read_fp();
	kprintf("backtrace: (riscv64-unknown-elf-addr2line -f -e build/kernel.elf ADDRESS)\n");
	for (int i = 0; i < MAX_FRAMES; i++) {
		if (fp < KERNEL_BASE || (fp & 7) != 0)
			break;
		uint64_t ra = *(uint64_t *)(fp - 8);
		if (ra < (uintptr_t)_start || ra > (uintptr_t)_etext)
			break;
		kprintf("  0x%lx\n", ra);
		fp = *(uint64_t *)(fp - 16);
	}
}

void panic(const char *fmt, ...)
{
	char msg[200];
	va_list ap;
	csr_clear(sstatus, SSTATUS_SIE);
	va_start(ap, fmt);
	vformat_buf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	kprintf("panic: %s\n", msg);
	backtrace();
	poweroff(PANIC_STATUS);
}
