/* Loading a user program from an ELF64 image into a process's page table. */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "mm/vm.h"

/* Map each PT_LOAD segment of image[0..size) into pt, in fresh zeroed frames, with PTE_U and
 * the segment's R/W/X permissions. Sets *entry and *image_end (the page after the highest
 * segment, where the heap begins). Returns 0, -ENOEXEC for an image that is not a RISC-V
 * executable, asks for W+X, or lies outside the user image area, or -ENOMEM. On failure
 * some pages may be mapped: the caller destroys pt. */
int elf_load(pagetable_t pt, const uint8_t *image, size_t size, uintptr_t *entry,
	     uintptr_t *image_end);
