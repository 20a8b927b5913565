/* The kernel's own page table: built once at boot, then shared by every process. */
#include "kernel.h"
#include "memlayout.h"
#include "mmio.h"
#include "pgalloc.h"
#include "riscv.h"
#include "tlb.h"
#include "vm.h"

uintptr_t mmio_offset;

extern char _start[], _etext[], _srodata[], _erodata[], _sdata[], _end[];

/* Map [start, end) at VA == PA with perm, for the kernel only. Boot can't go on without it. */
static void kmap(uintptr_t start, uintptr_t end, uint64_t perm)
{
	if (vm_map_range(&kernel_addrenv, start, start, end - start, perm | PTE_G) != 0)
		panic("kvm: out of pages mapping 0x%lx..0x%lx", start, end);
}

void kvm_init(uintptr_t ram_end)
{
	kernel_addrenv.pagetable = (pagetable_t)mm_pgalloc(1);
	KASSERT(kernel_addrenv.pagetable != NULL);
	kmap((uintptr_t)_start, (uintptr_t)_etext, PTE_R | PTE_X);
	kmap((uintptr_t)_srodata, (uintptr_t)_erodata, PTE_R);
	kmap((uintptr_t)_sdata, ram_end, PTE_R | PTE_W);
	static const uintptr_t devices[] = { TEST_DEVICE_PA, RTC_PA, UART_PA };
	for (size_t i = 0; i < ARRAY_SIZE(devices); i++)
		if (vm_map_range(&kernel_addrenv, KMMIO(devices[i]), devices[i], PGSIZE,
				 PTE_R | PTE_W | PTE_G) != 0)
			panic("kvm: out of pages mapping devices");
	vm_switch(&kernel_addrenv);
	mmio_offset = KMMIO_BASE;
}
