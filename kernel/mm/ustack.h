/*
 * User stacks (kernel/memlayout.h). A program starts with its top USTACK_PAGES pages mapped
 * and main's arguments at the top. Below them the stack grows on demand: the first touch of a
 * page down to USTACK_LIMIT (or less far, if the program lowered its RLIMIT_STACK) maps a
 * zeroed frame there (mm/anon.c). The gap below USTACK_LIMIT
 * is never mapped, so a runaway recursion faults there and dies.
 *
 * Every other thread gets a stack of its own in a slot of the thread-stack area, laid out the
 * same way: a guard gap, then a stack backed at first touch. The slot is free again, with
 * every page of it, once the thread has exited.
 */
#pragma once

#include <stdint.h>

#include "memlayout.h"
#include "vm.h"

struct task_group_s;

/* Map a new program's stack in env, with argv[0] = name, and set *sp to point at argc.
 * Returns 0, -E2BIG for a name too long for argv[0], or -ENOMEM (the caller frees the page
 * table, and with it any pages mapped so far). */
int ustack_map(struct addrenv_s *env, const char *name, uintptr_t *sp);

/* Claim a free thread-stack slot of g (none of its pages mapped yet). Returns the slot, or
 * -EAGAIN if all are taken. */
int ustack_slot_alloc(struct task_group_s *g);

/* Unmap every page of g's thread-stack slot, giving them back, and free the slot. */
void ustack_slot_free(struct task_group_s *g, int slot);

/* Is va in one of g's stacks: the main stack as far as its RLIMIT_STACK lets it grow, or a
 * thread stack in use? */
int ustack_contains(const struct task_group_s *g, uintptr_t va);

/* Is va in the guard gap below a stack, or below the main stack's RLIMIT_STACK? Then a fault
 * there is an overflow. */
int ustack_is_guard(const struct task_group_s *g, uintptr_t va);
