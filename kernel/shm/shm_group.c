/* The per-process side of shared memory: the window's VA allocator and its attachments. */
#include "errno.h"
#include "kernel.h"
#include "mm/pgalloc.h"
#include "shm.h"
#include "task.h"

int shm_group_init(struct shm_group_s *g)
{
	if (g->va_bitmap)
		return 0;
	size_t bytes = gran_bitmap_words(SHM_WINDOW_PAGES) * sizeof(uint64_t);
	size_t pages = PGROUNDUP(bytes) / PGSIZE;
	uint64_t *bitmap = (uint64_t *)mm_pgalloc((unsigned)pages);
	if (!bitmap)
		return -ENOMEM;
	gran_initialize(&g->va, CONFIG_ARCH_SHM_VBASE, SHM_WINDOW_PAGES, PGSHIFT, bitmap);
	g->va_bitmap = bitmap;
	g->bitmap_pages = pages;
	return 0;
}

void shm_group_release(struct task_group_s *t)
{
	struct shm_group_s *g = &t->shm;
	for (int i = 0; i < SHM_MAX_ATTACH; i++)
		if (g->attach[i].va != 0)
			shm_detach(t, &g->attach[i]);
	if (g->va_bitmap)
		mm_pgfree((uintptr_t)g->va_bitmap, (unsigned)g->bitmap_pages);
	g->va_bitmap = NULL;
}
