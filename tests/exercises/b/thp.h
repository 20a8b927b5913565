/* Exercise (b), transparent huge pages: what its two grader suites share. The window's
 * level-1 table is made first and kept, so that the page-table pages an attachment takes are
 * exactly its leaf tables: none for a 2 MiB part mapped by one huge leaf. */
#pragma once

#include <sys/shm.h>

#include "shmtest.h"
#include "utest.h"

#define HPG (2UL << 20)
#define HPAGES (HPG / PG)
#define BOUNDARY ((void *)0x40400000) /* in the window, on a 2 MiB boundary */

/* Attach a one-page segment at the window's start and touch it: the window's allocator and
 * level-1 table exist from here on. Returns the attachment, for unwarm. */
static inline volatile char *warm(int *id)
{
	*id = seg(IPC_PRIVATE, PG);
	volatile char *p = shmat(*id, (void *)0x40000000, 0);
	EXPECT(p != FAILED);
	if (p != FAILED)
		p[0] = 1;
	return p;
}

static inline void unwarm(volatile char *p, int id)
{
	dt((const void *)p);
	rm(id);
}

/* Attach segment id of npages at addr, writing page i's index into it through the new
 * attachment; *p is the attachment. Returns the page-table pages this took (frames that
 * lazy backing takes at the touch are not counted). */
static inline long leaf_tables_to_attach(int id, void *addr, size_t npages, volatile long **p)
{
	unsigned long before = free_pages();
	*p = shmat(id, addr, 0);
	EXPECT(*p == addr);
	if (*p != addr)
		return -1;
	for (size_t i = 0; i < npages; i++)
		(*p)[i * PG / sizeof(long)] = (long)i;
	return (long)(before - free_pages()) - (RVSHM_LAZY ? (long)npages : 0);
}

/* Does every page i of p hold i + delta? */
static inline int holds_indices(volatile long *p, size_t npages, long delta)
{
	for (size_t i = 0; i < npages; i++)
		if (p[i * PG / sizeof(long)] != (long)i + delta)
			return 0;
	return 1;
}
