/* Faults in shared memory: read-only and never-executable mappings, and detached ranges. */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

#define K(n) ((key_t)(0x7400 + (n)))

TEST(a_store_to_a_read_only_attachment_is_sigsegv)
{
	int id = seg(K(1), PG);
	pid_t pid = fork();
	if (pid == 0) {
		volatile int *p = shmat(id, NULL, SHM_RDONLY);
		if (p == FAILED || p[0] != 0)
			_exit(1);
		p[0] = 1;
		_exit(2);
	}
	int st = reap(pid);
	EXPECT(killed_by(st, SIGSEGV));
	struct shmid_ds ds;
	EXPECT_OK(shmctl(id, IPC_STAT, &ds));
	EXPECT_EQ(ds.shm_nattch, 0); /* the dead child's attachment is gone */
	volatile int *p = shmat(id, NULL, 0);
	if (p != FAILED) {
		EXPECT_EQ(p[0], 0); /* the store did not land */
		shmdt((void *)p);
	}
	rm(id);
}

TEST(a_read_only_attachment_inherited_by_fork_stays_read_only)
{
	int id = seg(K(2), PG);
	volatile int *p = shmat(id, NULL, SHM_RDONLY);
	pid_t pid = fork();
	if (pid == 0) {
		p[0] = 1;
		_exit(2);
	}
	EXPECT(killed_by(reap(pid), SIGSEGV));
	if (p != FAILED) {
		EXPECT_EQ(p[0], 0);
		shmdt((void *)p);
	}
	rm(id);
}

static void jump_into(volatile unsigned *code)
{
	code[0] = 0x00008067; /* jalr x0, 0(ra): ret */
	__asm__ volatile("fence.i" ::: "memory");
	((void (*)(void))(unsigned long)code)();
}

TEST(jumping_into_a_writable_attachment_is_sigsegv)
{
	int id = seg(K(3), PG);
	pid_t pid = fork();
	if (pid == 0) {
		volatile unsigned *p = shmat(id, NULL, 0);
		if (p == FAILED)
			_exit(1);
		jump_into(p);
		_exit(2);
	}
	EXPECT(killed_by(reap(pid), SIGSEGV));
	rm(id);
}

TEST(jumping_into_a_read_only_attachment_is_sigsegv)
{
	int id = seg(K(4), PG);
	volatile unsigned *w = shmat(id, NULL, 0);
	if (w != FAILED)
		w[0] = 0x00008067; /* ret */
	pid_t pid = fork();
	if (pid == 0) {
		void *p = shmat(id, NULL, SHM_RDONLY);
		if (p == FAILED)
			_exit(1);
		__asm__ volatile("fence.i" ::: "memory");
		((void (*)(void))p)();
		_exit(2);
	}
	EXPECT(killed_by(reap(pid), SIGSEGV));
	if (w != FAILED)
		shmdt((void *)w);
	rm(id);
}

TEST(an_address_is_unmapped_after_shmdt)
{
	int id = seg(K(5), PG);
	pid_t pid = fork();
	if (pid == 0) {
		volatile int *p = shmat(id, NULL, 0);
		if (p == FAILED)
			_exit(1);
		p[0] = 3;
		if (shmdt((void *)p) != 0)
			_exit(2);
		_exit(p[0] == 3 ? 3 : 4); /* must fault */
	}
	EXPECT(killed_by(reap(pid), SIGSEGV));
	rm(id);
}

TEST(an_address_is_unmapped_after_shmdt_even_while_another_attachment_remains)
{
	int id = seg(K(6), PG);
	pid_t pid = fork();
	if (pid == 0) {
		volatile int *a = shmat(id, NULL, 0), *b = shmat(id, NULL, 0);
		if (a == FAILED || b == FAILED || shmdt((void *)a) != 0)
			_exit(1);
		b[0] = 1;
		a[0] = 2; /* must fault */
		_exit(3);
	}
	EXPECT(killed_by(reap(pid), SIGSEGV));
	struct shmid_ds ds;
	EXPECT_OK(shmctl(id, IPC_STAT, &ds));
	EXPECT_EQ(ds.shm_nattch, 0);
	rm(id);
}

TEST(a_removed_segment_is_destroyed_when_its_last_attacher_is_killed)
{
	int id = seg(K(7), PG);
	pid_t pid = fork();
	if (pid == 0) {
		volatile int *p = shmat(id, NULL, 0);
		int removed = wait_removed(id);
		if (p == FAILED || !removed)
			_exit(1);
		*(volatile int *)0 = 1; /* killed while attached */
		_exit(2);
	}
	unsigned long t = now();
	struct shmid_ds ds = { 0 };
	while (shmctl(id, IPC_STAT, &ds) == 0 && ds.shm_nattch == 0 && now() - t < DEADLINE)
		sched_yield();
	EXPECT_EQ(ds.shm_nattch, 1);
	rm(id);
	EXPECT(killed_by(reap(pid), SIGSEGV));
	EXPECT_ERRNO(shmctl(id, IPC_STAT, &ds), EINVAL);
	EXPECT_ERRNO(shmat(id, NULL, 0), EINVAL);
}

TEST(a_killed_process_gives_back_its_attachments_to_a_kept_segment)
{
	int id = seg(K(8), PG);
	pid_t pid = fork();
	if (pid == 0) {
		volatile int *p = shmat(id, NULL, 0);
		if (p == FAILED || shmat(id, NULL, SHM_RDONLY) == FAILED)
			_exit(1);
		p[0] = 9;
		*(volatile int *)0 = 1;
		_exit(2);
	}
	EXPECT(killed_by(reap(pid), SIGSEGV));
	struct shmid_ds ds;
	EXPECT_OK(shmctl(id, IPC_STAT, &ds));
	EXPECT_EQ(ds.shm_nattch, 0);
	EXPECT_EQ(ds.shm_lpid, pid);
	volatile int *p = shmat(id, NULL, 0);
	if (p != FAILED) {
		EXPECT_EQ(p[0], 9);
		shmdt((void *)p);
	}
	rm(id);
}

TEST(jumping_into_an_untouched_page_of_an_attachment_is_sigsegv)
{
	int id = seg(K(9), 2 * PG);
	pid_t pid = fork();
	if (pid == 0) {
		char *p = shmat(id, NULL, 0);
		if (p == FAILED)
			_exit(1);
		((void (*)(void))(p + PG))(); /* nobody has touched this page */
		_exit(2);
	}
	EXPECT(killed_by(reap(pid), SIGSEGV));
	rm(id);
}

TEST(a_store_as_the_first_touch_of_a_read_only_page_is_sigsegv_and_lands_nowhere)
{
	int id = seg(K(10), 2 * PG);
	pid_t pid = fork();
	if (pid == 0) {
		volatile int *p = shmat(id, NULL, SHM_RDONLY);
		if (p == FAILED)
			_exit(1);
		p[PG / sizeof(int)] = 5; /* a store, before any load of this page */
		_exit(2);
	}
	EXPECT(killed_by(reap(pid), SIGSEGV));
	volatile int *p = shmat(id, NULL, 0);
	if (p != FAILED) {
		EXPECT_EQ(p[PG / sizeof(int)], 0);
		shmdt((void *)p);
	}
	rm(id);
}

TEST(a_load_past_the_end_of_an_attachment_is_sigsegv)
{
	int id = seg(K(11), 5000); /* two pages mapped: the third is not */
	pid_t pid = fork();
	if (pid == 0) {
		volatile char *p = shmat(id, (void *)0x40800000, 0);
		if (p == FAILED)
			_exit(1);
		char c = p[2 * PG - 1]; /* the last byte of the last page: fine */
		c += p[2 * PG];         /* the first byte past the attachment: faults */
		_exit(c == 0 ? 3 : 4);
	}
	EXPECT(killed_by(reap(pid), SIGSEGV));
	rm(id);
}
