/*
 * The memory map of rvshm, drawn once. Everything else refers to these names.
 *
 * Physical memory (QEMU virt):
 *
 *   0x0010_0000  test device       write 0x5555 to power off, (code << 16) | 0x3333 to fail
 *   0x0010_1000  goldfish RTC      Unix time in nanoseconds
 *   0x1000_0000  ns16550a UART     the console
 *   0x8000_0000  OpenSBI           firmware, not ours
 *   0x8020_0000  kernel            text R-X, rodata R--, data and bss RW-   (linker.ld)
 *   _end         page bitmap       one bit per free-pool page, outside the pool
 *   ...          free pool         mm_pgalloc() pages, up to the end of RAM (from the device tree)
 *
 * Kernel virtual memory, present in every page table but never with PTE_U:
 *
 *   0x8000_0000 .. RAM end         RAM, mapped at VA == PA
 *   KMMIO_BASE + pa                device registers (the lowest upper-half Sv39 address)
 *
 * Per-process virtual layout (Sv39, user half: root entries 0 and 1):
 *
 *   0x0000_0000  unmapped          NULL and small offsets from it fault
 *   USER_BASE    text, rodata      R-X / R--
 *   ...          data, bss, heap   RW-
 *   HEAP_LIMIT   guard gap         1 MiB never mapped: a stack overflow faults here
 *   USTACK_LIMIT .. USTACK_TOP     user stack RW-, at most 1 MiB: the top USTACK_PAGES pages
 *                                  are mapped at start, the rest on first touch (mm/ustack.c)
 *   THREAD_STACKS                  thread stacks: a slot of 2 MiB for each thread but the main
 *                                  one, a 1 MiB guard gap never mapped, then a 1 MiB stack RW-
 *                                  backed on first touch
 *   CONFIG_ARCH_SHM_VBASE          shared-memory window, MAXREGIONS * NPAGES pages, RW- or R--;
 *                                  it starts on a 2 MiB boundary, so huge pages (2 MiB, one
 *                                  Sv39 leaf at level 1: kernel/mm/vm.h) can go there
 *   USER_TOP                       end of user space
 */
#pragma once

#include "rvshm_config.h"

#define PGSIZE CONFIG_MM_PGSIZE
#define PGSHIFT 12
#define PGROUNDUP(a) (((a) + PGSIZE - 1) & ~(uintptr_t)(PGSIZE - 1))
#define PGROUNDDOWN(a) ((a) & ~(uintptr_t)(PGSIZE - 1))

#define TEST_DEVICE_PA 0x100000UL
#define RTC_PA 0x101000UL
#define UART_PA 0x10000000UL
#define KERNEL_BASE 0x80200000UL

#define KMMIO_BASE 0xffffffc000000000UL
#define KMMIO(pa) (KMMIO_BASE + (pa))

#define USER_BASE 0x10000UL
#define USTACK_TOP 0x20000000UL /* scripts/gen-config.sh checks the window against it */
#define USTACK_PAGES 8          /* mapped when a program starts */
#define USTACK_MAX_PAGES 256    /* how far the stack may grow */
#define USTACK_SIZE (USTACK_PAGES * PGSIZE)
#define USTACK_LIMIT (USTACK_TOP - USTACK_MAX_PAGES * PGSIZE) /* the lowest stack address */
/* A function's frame may skip a page: the compiler writes a big frame wherever it likes. So
 * the heap stops a whole gap short of the stack, as Linux's stack_guard_gap does, and only a
 * frame bigger than the gap could reach past it. */
#define USTACK_GAP_PAGES 256
#define HEAP_LIMIT (USTACK_LIMIT - USTACK_GAP_PAGES * PGSIZE)
#define USER_TOP 0x80000000UL

/* Thread stacks, from USTACK_TOP up: slot i is [THREAD_STACKS + i * THREAD_SLOT_SIZE, + 2 MiB),
 * a guard gap below its stack as below the main one. scripts/gen-config.sh checks that the
 * slots of CONFIG_THREADS_PER_PROCESS threads end below the shared-memory window. */
#define THREAD_STACKS USTACK_TOP
#define THREAD_SLOT_SIZE (2UL << 20)
#define THREAD_STACK_SIZE (1UL << 20)
#define THREAD_SLOTS (CONFIG_THREADS_PER_PROCESS - 1)
#define THREAD_STACKS_END (THREAD_STACKS + THREAD_SLOTS * THREAD_SLOT_SIZE)
/* The top of slot i's stack, and its lowest address. */
#define THREAD_STACK_TOP(i) (THREAD_STACKS + ((uintptr_t)(i) + 1) * THREAD_SLOT_SIZE)
#define THREAD_STACK_LOW(i) (THREAD_STACK_TOP(i) - THREAD_STACK_SIZE)

#define SHM_WINDOW_PAGES ((uintptr_t)CONFIG_ARCH_SHM_MAXREGIONS * CONFIG_ARCH_SHM_NPAGES)
#define SHM_WINDOW_END (CONFIG_ARCH_SHM_VBASE + SHM_WINDOW_PAGES * PGSIZE)

#define KSTACK_PAGES 2

/* The most harts rvshm runs on (a machine with more leaves the rest stopped), and each one's
 * boot stack, on which its scheduler runs (boot/entry.S). */
#define NCPU 8
#define BOOT_STACK_SIZE 16384
