/* Exhaustion: when physical pages run out, every call fails with ENOMEM and takes nothing
 * with it. The suite boots with little RAM so that running out is quick. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/shm.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

/* Grow the heap until no page is left, then give back keep pages. Returns the pages taken. */
static long eat_all_but(long keep)
{
	long n = 0;
	while (sbrk(PG) != (void *)-1)
		n++;
	EXPECT_EQ(errno, ENOMEM);
	EXPECT(sbrk(-keep * (long)PG) != (void *)-1);
	return n - keep;
}

static void give_back(long pages)
{
	EXPECT(sbrk(-pages * (long)PG) != (void *)-1);
}

TEST(shmget_out_of_pages_is_enomem_and_takes_nothing)
{
	long eaten = eat_all_but(20);
	unsigned long before = free_pages();
	/* A 100-page segment runs out part way: everything it took goes back. */
	int id = shmget(IPC_PRIVATE, 100 * PG, 0600);
	if (RVSHM_LAZY) { /* lazy backing takes no frames at shmget, only the page list */
		EXPECT(id >= 0);
		EXPECT_OK(shmctl(id, IPC_RMID, NULL));
	} else {
		EXPECT(id == -1 && errno == ENOMEM);
	}
	EXPECT_EQ(free_pages(), before);
	give_back(eaten);
}

TEST(fork_out_of_pages_is_enomem_and_takes_nothing)
{
	long eaten = eat_all_but(20); /* the child would need a copy of the whole heap */
	unsigned long before = free_pages();
	EXPECT_ERRNO(fork(), ENOMEM);
	EXPECT_EQ(free_pages(), before);
	give_back(eaten);
}

TEST(page_table_growth_out_of_pages_is_enomem_and_takes_nothing)
{
	int id = EXPECT_OK(shmget(IPC_PRIVATE, PG, 0600));
	void *warm = shmat(id, NULL, 0); /* the window's allocator exists from here on */
	EXPECT(warm != (void *)-1);
	long eaten = eat_all_but(0);
	unsigned long before = free_pages();
	/* 16 MiB above the first attachment: a new page-table page is needed there. */
	void *far = (char *)warm + 0x1000000;
	void *p = shmat(id, far, 0);
	if (RVSHM_LAZY) { /* nothing is mapped until touched, so nothing is needed yet */
		EXPECT(p == far);
		EXPECT_OK(shmdt(p));
	} else {
		EXPECT(p == (void *)-1 && errno == ENOMEM);
	}
	EXPECT_EQ(free_pages(), before);
	give_back(eaten);
	EXPECT_OK(shmdt(warm));
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
}

TEST(a_page_table_page_left_empty_by_shmdt_is_freed)
{
	int id = EXPECT_OK(shmget(IPC_PRIVATE, PG, 0600));
	char *warm = shmat(id, NULL, 0);
	warm[0] = 1;
	unsigned long before = free_pages();
	char *far = shmat(id, warm + 0x1000000, 0);
	EXPECT(far == warm + 0x1000000);
	EXPECT_EQ(far[0], 1);
	EXPECT(free_pages() < before); /* a leaf table for the far address */
	EXPECT_OK(shmdt(far));
	EXPECT_EQ(free_pages(), before);
	EXPECT_OK(shmdt(warm));
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
}

/* Make the window's allocator exist (it lives as long as the process), so that page
 * counts taken after this see only what a test itself takes. */
static void warm_window(void)
{
	int id = shmget(IPC_PRIVATE, PG, 0600);
	void *p = shmat(id, NULL, 0);
	EXPECT(p != (void *)-1);
	shmdt(p);
	shmctl(id, IPC_RMID, NULL);
}

/* Regression: with one page free, mapping the first page of the window takes it for the
 * middle page table and then finds none for the leaf table. The half-built middle table
 * must be freed too, not kept until the process exits. */
TEST(a_middle_page_table_left_by_a_failed_map_is_freed)
{
	warm_window(); /* the window's tables are pruned again; its allocator stays */
	int id = EXPECT_OK(shmget(IPC_PRIVATE, PG, 0600));
	long eaten = eat_all_but(1);
	unsigned long before = free_pages();
	EXPECT_EQ(before, 1);
	void *p = shmat(id, NULL, 0);
	if (RVSHM_LAZY) { /* nothing is mapped until touched */
		EXPECT(p != FAILED);
		dt(p);
	} else {
		EXPECT(p == FAILED && errno == ENOMEM);
	}
	EXPECT_EQ(free_pages(), before);
	give_back(eaten);
	rm(id);
}

TEST(a_lazy_fault_with_no_free_page_is_sigbus_and_loses_nothing)
{
	warm_window();
	unsigned long base = free_pages();
	int id = EXPECT_OK(shmget(IPC_PRIVATE, 4 * PG, 0600));
	volatile char *mem = shmat(id, NULL, 0);
	mem[0] = 1; /* one frame and the tables exist now */
	long eaten = eat_all_but(0);
	EXPECT_ERRNO(fork(), ENOMEM);
	give_back(eaten);
	pid_t pid = fork();
	if (pid == 0) {
		eat_all_but(0);
		mem[3 * PG] = 1; /* lazy: needs a frame now; eager: already backed */
		_exit(0);
	}
	int status = reap(pid);
	if (RVSHM_LAZY) {
		EXPECT(WIFSIGNALED(status));
		EXPECT_EQ(WTERMSIG(status), SIGBUS);
	} else {
		EXPECT(WIFEXITED(status));
	}
	EXPECT_OK(shmdt((void *)mem));
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
	EXPECT_EQ(free_pages(), base);
}

TEST(a_stack_that_cannot_grow_for_want_of_a_page_is_sigsegv_and_loses_nothing)
{
	unsigned long before = free_pages();
	pid_t pid = fork();
	if (pid == 0) {
		eat_all_but(0);
		*(volatile char *)(0x20000000UL - 100 * PG) = 1; /* below the stack's first pages */
		_exit(0);
	}
	EXPECT_EQ(signal_of(reap(pid)), SIGSEGV);
	EXPECT_EQ(free_pages(), before);
}

TEST(a_grown_stack_page_is_zeroed_though_every_free_page_was_dirtied)
{
	pid_t pid = fork();
	if (pid == 0) { /* leaves 0xff in every page there is */
		while (sbrk(PG) != (void *)-1)
			memset((char *)sbrk(0) - PG, 0xff, PG);
		_exit(0);
	}
	EXPECT(exited_with(reap(pid), 0));
	size_t nonzero = 0;
	for (unsigned long va = 0x20000000UL - 48 * PG; va < 0x20000000UL - 32 * PG; va++)
		nonzero += *(volatile char *)va != 0;
	EXPECT_EQ(nonzero, 0);
}

/* Whole pages of .bss that nothing touches before the tests below: backed at first touch. */
static char lazy_bss[64 * PG] __attribute__((aligned(4096)));

TEST(a_first_touch_of_bss_with_no_free_page_is_sigsegv_and_loses_nothing)
{
	unsigned long before = free_pages();
	pid_t pid = fork();
	if (pid == 0) {
		eat_all_but(0);
		lazy_bss[10 * PG] = 1;
		_exit(0);
	}
	EXPECT_EQ(signal_of(reap(pid)), SIGSEGV);
	EXPECT_EQ(free_pages(), before);
}

TEST(a_bss_page_is_zeroed_though_every_free_page_was_dirtied)
{
	pid_t pid = fork();
	if (pid == 0) { /* leaves 0xff in every page there is */
		while (sbrk(PG) != (void *)-1)
			memset((char *)sbrk(0) - PG, 0xff, PG);
		_exit(0);
	}
	EXPECT(exited_with(reap(pid), 0));
	size_t nonzero = 0;
	for (size_t i = 32 * PG; i < 48 * PG; i++)
		nonzero += *(volatile char *)&lazy_bss[i] != 0;
	EXPECT_EQ(nonzero, 0);
}
