/* The user stack: it starts with a few pages and grows on first touch, a zeroed page at a
 * time, down to 1 MiB; the page below that is a guard. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/shm.h>
#include <time.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

#define STACK_TOP 0x20000000UL
#define STACK_START_PAGES 8                 /* mapped when the program starts */
#define STACK_LIMIT (STACK_TOP - 256 * PG)  /* the lowest address the stack may reach */
#define HEAP_LIMIT (STACK_LIMIT - 256 * PG) /* the guard gap lies between */
#define STACK_PAGE(n) ((volatile char *)(STACK_TOP - (n)*PG)) /* n pages below the top */

/* A 64 KiB array in one frame: twice what the stack starts with. */
static void big_frame(void)
{
	volatile char buf[64 * 1024];
	for (size_t i = 0; i < sizeof(buf); i += 512)
		buf[i] = (char)i;
	for (size_t i = 0; i < sizeof(buf); i += 512)
		if (buf[i] != (char)i)
			_exit(1);
}

TEST(a_64_kib_array_on_the_stack_works)
{
	EXPECT(exited_with(in_child(big_frame), 0));
}

TEST(touching_a_new_stack_page_costs_exactly_one_frame)
{
	unsigned long before = free_pages();
	*STACK_PAGE(100) = 'x';
	EXPECT_EQ(free_pages(), before - 1);
	EXPECT_EQ(*STACK_PAGE(100), 'x');
	EXPECT_EQ(free_pages(), before - 1);
}

TEST(a_new_stack_page_reads_as_zeros)
{
	unsigned long before = free_pages();
	volatile char *p = STACK_PAGE(200);
	size_t nonzero = 0;
	for (size_t i = 0; i < PG; i++)
		nonzero += p[i] != 0;
	EXPECT_EQ(nonzero, 0);
	EXPECT_EQ(free_pages(), before - 1);
}

TEST(a_system_call_may_write_below_the_stacks_first_pages)
{
	int id = seg(IPC_PRIVATE, 3 * PG);
	struct shmid_ds *ds = (struct shmid_ds *)(STACK_TOP - 150 * PG);
	EXPECT_OK(shmctl(id, IPC_STAT, ds));
	EXPECT_EQ(ds->shm_segsz, 3 * PG);
	rm(id);
}

static void touch_lowest(void)
{
	*(volatile char *)STACK_LIMIT = 1;
}

static void touch_guard(void)
{
	*(volatile char *)(STACK_LIMIT - 1) = 1;
}

TEST(the_lowest_stack_page_may_be_touched_but_the_guard_below_it_is_sigsegv)
{
	EXPECT(exited_with(in_child(touch_lowest), 0));
	EXPECT_EQ(signal_of(in_child(touch_guard)), SIGSEGV);
}

TEST(a_system_call_may_read_below_the_stacks_first_pages_which_read_as_zeros)
{
	unsigned long before = free_pages();
	const struct timespec *zero = (const struct timespec *)STACK_PAGE(170);
	EXPECT_OK(nanosleep(zero, NULL)); /* 0 s 0 ns: a valid time */
	EXPECT_EQ(free_pages(), before - 1);
}

static void jump_the_first_guard_page(void)
{
	*(volatile char *)(STACK_LIMIT - 3 * PG) = 1; /* as a 12 KiB frame's lowest byte may */
}

TEST(a_frame_that_skips_a_page_below_the_stack_still_faults_in_the_guard_gap)
{
	EXPECT_EQ(signal_of(in_child(jump_the_first_guard_page)), SIGSEGV);
}

TEST(the_heap_stops_a_whole_guard_gap_short_of_the_stack)
{
	unsigned long before = free_pages();
	char *brk = sbrk(0);
	EXPECT_ERRNO(sbrk((long)(HEAP_LIMIT + 1 - (unsigned long)brk)), ENOMEM);
	EXPECT_ERRNO(sbrk((long)(STACK_LIMIT - (unsigned long)brk)), ENOMEM);
	EXPECT(sbrk(0) == brk);
	EXPECT_EQ(free_pages(), before);
}

TEST(a_system_call_writing_into_the_guard_page_is_efault)
{
	int id = seg(IPC_PRIVATE, PG);
	EXPECT_ERRNO(shmctl(id, IPC_STAT, (void *)(STACK_LIMIT - PG)), EFAULT);
	rm(id);
}

static void jump_below_the_stack(void)
{
	((void (*)(void))(STACK_TOP - 130 * PG))();
}

TEST(executing_a_stack_page_never_grows_the_stack)
{
	unsigned long before = free_pages();
	EXPECT_EQ(signal_of(in_child(jump_below_the_stack)), SIGSEGV);
	EXPECT_EQ(free_pages(), before);
}

TEST(a_forked_child_gets_a_copy_of_the_grown_stack)
{
	memset((void *)STACK_PAGE(120), 'p', 16);
	pid_t pid = fork();
	if (pid == 0) {
		int same = STACK_PAGE(120)[15] == 'p';
		STACK_PAGE(120)[15] = 'c'; /* the child's copy, not the parent's */
		_exit(same ? 0 : 1);
	}
	EXPECT(exited_with(reap(pid), 0));
	EXPECT_EQ(STACK_PAGE(120)[15], 'p');
}

TEST(the_stack_starts_with_eight_pages_mapped)
{
	unsigned long before = free_pages();
	for (int n = 1; n <= STACK_START_PAGES; n++)
		*STACK_PAGE(n) = 0;
	EXPECT_EQ(free_pages(), before);
}
