/*
 * The user stack (kernel/memlayout.h). A program starts with its top USTACK_PAGES pages mapped
 * and main's arguments at the top. Below them the stack grows on demand: the first touch of a
 * page down to USTACK_LIMIT maps a zeroed frame there (mm/anon.c). The gap below USTACK_LIMIT
 * is never mapped, so a runaway recursion faults there and dies.
 */
#pragma once

#include <stdint.h>

#include "memlayout.h"
#include "vm.h"

/* Map a new program's stack in pt, with argv[0] = name, and set *sp to point at argc.
 * Returns 0, -E2BIG for a name too long for argv[0], or -ENOMEM (the caller frees pt, and
 * with it any pages mapped so far). */
int ustack_map(pagetable_t pt, const char *name, uintptr_t *sp);

/* Is va in the guard gap below the lowest stack address? Then a fault there is an overflow. */
static inline int ustack_is_guard(uintptr_t va)
{
	return va >= HEAP_LIMIT && va < USTACK_LIMIT;
}
