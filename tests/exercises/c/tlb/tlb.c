/* Exercise (c), counting TLB fences: the tests docs/exercises.md asks a solution to pass. One
 * program on one hart, so that counts per hart and counts per process agree. A timer tick may
 * still switch to the scheduler and back in the middle of a measurement, so each count is
 * taken a few times, and the test needs one try without a tick. */
#include <errno.h>
#include <rvshm.h>
#include <sys/shm.h>

#include "shmtest.h"
#include "utest.h"

#include "tlb_fences.h"

#define TRIES 5

static struct tlb_fences counts(void)
{
	struct tlb_fences c = { 0 };
	EXPECT_OK(tlb_fences(&c));
	return c;
}

/* The fences run() issues, as (full, page), in one of TRIES tries: whether one try gave
 * exactly full_want and page_want. Each try sets up with prepare and cleans up with finish. */
static int fences_are(void (*prepare)(void), void (*run)(void), void (*finish)(void),
		      unsigned long full_want, unsigned long page_want)
{
	for (int i = 0; i < TRIES; i++) {
		prepare();
		struct tlb_fences a = counts();
		run();
		struct tlb_fences b = counts();
		finish();
		if (b.full - a.full == full_want && b.page - a.page == page_want)
			return 1;
		printf("  try %d: %lu full, %lu page fences; expected %lu and %lu\n", i,
		       b.full - a.full, b.page - a.page, full_want, page_want);
	}
	return 0;
}

static int id, npages;
static volatile char *warm, *p;

/* A segment of npages, and a one-page attachment of it that keeps the window's tables. */
static void make_segment(void)
{
	id = seg(IPC_PRIVATE, (size_t)npages * PG);
	warm = shmat(id, NULL, 0);
	EXPECT(warm != FAILED);
	warm[0] = 1;
}

static void remove_segment(void)
{
	dt((const void *)warm);
	rm(id);
}

static void attach(void)
{
	p = shmat(id, NULL, 0);
	EXPECT(p != FAILED);
}

static void detach(void)
{
	dt((const void *)p);
}

static void attach_and_touch(void)
{
	make_segment();
	attach();
	for (int i = 0; p != FAILED && i < npages; i++)
		p[i * PG] = 1;
}

static void nothing(void)
{
}

TEST(an_eager_shmat_issues_one_full_fence_and_no_page_fence)
{
	if (!HAS_TLB_FENCES())
		return;
	npages = 4;
	make_segment();
	EXPECT(fences_are(nothing, attach, detach, RVSHM_LAZY ? 0 : 1, 0));
	remove_segment();
}

static void detach_and_remove(void)
{
	detach();
	remove_segment();
}

TEST(shmdt_of_n_mapped_pages_issues_n_page_fences)
{
	if (!HAS_TLB_FENCES())
		return;
	for (npages = 1; npages <= 8; npages *= 8)
		EXPECT(
		    fences_are(attach_and_touch, detach, remove_segment, 0, (unsigned long)npages));
}

static void touch_second_page(void)
{
	p[PG] = 1;
}

/* A two-page attachment whose first page is touched: its tables exist. */
static void attach_touching_the_first_page(void)
{
	npages = 2;
	make_segment();
	attach();
	if (p != FAILED)
		p[0] = 1;
}

TEST(a_lazy_first_touch_issues_one_page_fence)
{
	if (!HAS_TLB_FENCES())
		return;
	EXPECT(fences_are(attach_touching_the_first_page, touch_second_page, detach_and_remove, 0,
			  RVSHM_LAZY ? 1 : 0));
}

TEST(fence_counts_never_decrease)
{
	if (!HAS_TLB_FENCES())
		return;
	struct tlb_fences a = counts();
	npages = 16;
	attach_and_touch();
	detach_and_remove();
	struct tlb_fences b = counts();
	EXPECT(b.full >= a.full);
	EXPECT(b.page >= a.page);
	EXPECT(b.full + b.page > a.full + a.page); /* the shmdt fenced something */
}

TEST(the_fence_count_call_with_a_bad_pointer_is_efault)
{
	if (!HAS_TLB_FENCES())
		return;
	EXPECT_ERRNO(tlb_fences(NULL), EFAULT);
	EXPECT_ERRNO(tlb_fences((struct tlb_fences *)0x40000000), EFAULT); /* nothing there */
	EXPECT_ERRNO(tlb_fences((struct tlb_fences *)-8L), EFAULT);
}
