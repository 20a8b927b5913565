/* Loading a user program from an ELF64 image into a process's page table. */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "mm/vm.h"

/* Where a loaded program lies: its entry point, and its end, where the heap begins. Pages
 * in [bss_start, end) hold nothing from the file: they are backed at first touch (mm/anon.c). */
struct elf_layout {
	uintptr_t entry;
	uintptr_t bss_start;
	uintptr_t end;
};

/* Map each PT_LOAD segment of image[0..size) into env, in fresh zeroed frames, with PTE_U and
 * the segment's R/W/X permissions; the .bss past the last page of the writable segment that
 * holds file data is left to be backed at first touch. Fills *layout. Returns 0, -ENOEXEC for
 * an image that is not a RISC-V executable, asks for W+X, or lies outside the user image area,
 * or -ENOMEM. On failure some pages may be mapped: the caller destroys the page table. */
int elf_load(struct addrenv_s *env, const uint8_t *image, size_t size, struct elf_layout *layout);
