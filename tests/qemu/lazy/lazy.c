/* Lazy backing (LAZY=1): a segment's frames are allocated at the first touch of each page,
 * once, whichever process touches first; and every frame is given back. */
#include <signal.h>
#include <sys/shm.h>
#include <sys/sysinfo.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

#define K(n) ((key_t)(0x6c00 + (n)))

/* Pages held by segments (frames and page lists), from sysinfo. */
static unsigned long shared_pages(void)
{
	struct sysinfo si;
	EXPECT_OK(sysinfo(&si));
	return si.sharedram;
}

/* Make the window's allocator, which lives as long as the process, before counting. */
static void warm_window(void)
{
	int id = seg(IPC_PRIVATE, PG);
	dt(shmat(id, NULL, 0));
	rm(id);
}

TEST(creating_and_attaching_64_pages_costs_at_most_two_pages)
{
	warm_window();
	unsigned long before = free_pages();
	int id = seg(IPC_PRIVATE, 64 * PG);
	char *p = shmat(id, NULL, 0);
	EXPECT(p != FAILED);
	EXPECT(before - free_pages() <= 2);
	EXPECT_EQ(shared_pages(), 1); /* the page list, and no frame yet */
	dt(p);
	rm(id);
	EXPECT_EQ(free_pages(), before);
}

TEST(touching_one_page_costs_one_frame_and_all_64_cost_64)
{
	warm_window();
	int id = seg(IPC_PRIVATE, 64 * PG);
	volatile char *p = shmat(id, NULL, 0);
	p[0] = 1; /* the first touch also builds the page tables */
	EXPECT_EQ(shared_pages(), 1 + 1);
	unsigned long before = free_pages();
	p[PG] = 1;
	EXPECT_EQ(before - free_pages(), 1);
	for (int i = 0; i < 64; i++)
		(void)p[i * PG];
	EXPECT_EQ(before - free_pages(), 63);
	EXPECT_EQ(shared_pages(), 1 + 64);
	dt((void *)p);
	rm(id);
	EXPECT_EQ(shared_pages(), 0);
}

TEST(a_read_only_first_touch_maps_a_zero_frame)
{
	int id = seg(IPC_PRIVATE, PG);
	volatile char *p = shmat(id, NULL, SHM_RDONLY);
	EXPECT(p != FAILED);
	EXPECT_EQ(p[100], 0);
	EXPECT_EQ(shared_pages(), 2);
	dt((void *)p);
	rm(id);
}

/* Two processes attach; one touches first and the other sees its data, in one frame. */
static void shared_first_touch(int child_first)
{
	int id = seg(K(child_first), PG);
	volatile int *p = shmat(id, NULL, 0);
	int ctl = seg(IPC_PRIVATE, PG);
	volatile int *turn = shmat(ctl, NULL, 0);
	pid_t pid = fork();
	if (pid == 0) {
		if (child_first)
			p[1] = 42; /* the first touch of the page anywhere */
		turn[0] = 1;
		wait_for(&turn[0], 2);
		_exit(p[2] == 43 ? 0 : 1);
	}
	wait_for(&turn[0], 1);
	if (!child_first)
		p[2] = 43;
	EXPECT_EQ(p[1], child_first ? 42 : 0);
	p[2] = 43;
	EXPECT_EQ(shared_pages(), 2 + 2); /* two segments: two lists, one frame each */
	turn[0] = 2;
	EXPECT(exited_with(reap(pid), 0));
	dt((void *)p), dt((void *)turn);
	rm(id), rm(ctl);
}

TEST(a_page_touched_first_by_the_child_is_one_frame_for_both)
{
	shared_first_touch(1);
}

TEST(a_page_touched_first_by_the_parent_is_one_frame_for_both)
{
	shared_first_touch(0);
}

TEST(a_store_to_a_read_only_attachment_still_kills_with_sigsegv)
{
	int id = seg(IPC_PRIVATE, PG);
	volatile char *p = shmat(id, NULL, SHM_RDONLY);
	pid_t pid = fork();
	if (pid == 0) {
		p[0] = 1;
		_exit(0);
	}
	EXPECT(killed_by(reap(pid), SIGSEGV));
	EXPECT_EQ(shared_pages(), 1); /* the store took no frame */
	dt((void *)p);
	rm(id);
}

TEST(a_child_sees_touched_frames_and_faults_in_the_rest)
{
	int id = seg(IPC_PRIVATE, 4 * PG);
	volatile char *p = shmat(id, NULL, 0);
	p[0] = 7;
	pid_t pid = fork();
	if (pid == 0)
		_exit(p[0] == 7 && p[3 * PG] == 0 ? 0 : 1);
	EXPECT(exited_with(reap(pid), 0));
	EXPECT_EQ(shared_pages(), 1 + 2); /* page 0, and page 3 made by the child */
	dt((void *)p);
	rm(id);
}

TEST(removal_and_exit_give_back_exactly_the_touched_frames)
{
	warm_window();
	unsigned long before = free_pages();
	int id = seg(IPC_PRIVATE, 64 * PG);
	pid_t pid = fork();
	if (pid == 0) {
		volatile char *p = shmat(id, NULL, 0);
		for (int i = 0; i < 5; i++)
			p[i * PG] = 1;
		shmctl(id, IPC_RMID, NULL);
		_exit(0); /* the last detach, at exit, destroys the segment */
	}
	EXPECT(exited_with(reap(pid), 0));
	EXPECT_EQ(shared_pages(), 0);
	EXPECT_EQ(free_pages(), before);
}
