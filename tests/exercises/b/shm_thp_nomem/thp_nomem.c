/* Exercise (b), transparent huge pages, with 16 MiB of RAM: many free pages, no free 2 MiB
 * run, fragmented as tests/qemu/shm_huge_nomem does it. */
#include "../thp.h"

#define CHUNK 256 /* pages of each segment that fragments memory */
#define SPARE 150 /* pages left free for the stack, page tables and the segment's list */
#define MAXSEGS 60

/* Back every page of segment id (with lazy backing, by touching them here). */
static void back(int id, size_t pages)
{
	volatile char *p = shmat(id, NULL, 0);
	EXPECT(p != FAILED);
	for (size_t i = 0; p != FAILED && i < pages; i++)
		p[i * PG] = 1;
	dt((const void *)p);
}

TEST(a_segment_without_a_free_2mib_run_falls_back_to_4kib_pages)
{
	int wid;
	volatile char *w = warm(&wid);
	int ids[MAXSEGS], n = 0;
	volatile long *p;
	/* Fill memory with segments of CHUNK backed pages, then remove every other one: half
	 * the memory is free, in holes of about 1 MiB. */
	while (n < MAXSEGS && free_pages() > CHUNK + 1 + SPARE) {
		ids[n] = seg(IPC_PRIVATE, CHUNK * PG);
		back(ids[n++], CHUNK);
	}
	for (int i = 1; i < n - 1; i += 2)
		rm(ids[i]);
	EXPECT(free_pages() > 2 * HPAGES);
	int id = seg(IPC_PRIVATE, HPG);
	EXPECT_EQ(leaf_tables_to_attach(id, BOUNDARY, HPAGES, &p), 1);
	EXPECT(holds_indices(p, HPAGES, 0));
	dt((const void *)p);
	rm(id);
	for (int i = 0; i < n; i++)
		if (i % 2 == 0 || i == n - 1)
			rm(ids[i]);
	unwarm(w, wid);
}
