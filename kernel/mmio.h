/* Device registers: at their physical address before paging, at KMMIO(pa) after. */
#pragma once

#include <stdint.h>

extern uintptr_t mmio_offset; /* 0 before paging is on, KMMIO_BASE after */

/* The address at which the kernel reaches the device register at physical address pa. */
static inline volatile void *mmio(uintptr_t pa)
{
	return (volatile void *)(pa + mmio_offset);
}
