/* Shared memory across fork: inherited attachments, and segments outliving their processes. */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

#define K(n) ((key_t)(0x7000 + (n)))

TEST(a_child_inherits_attachments_at_the_same_address_sharing_frames)
{
	int id = seg(K(1), 2 * PG);
	volatile int *p = shmat(id, NULL, 0);
	if (p == FAILED)
		return EXPECT(0);
	p[0] = 11;
	pid_t pid = fork();
	if (pid == 0) {
		int ok = p[0] == 11;
		p[PG / sizeof(int)] = 22; /* the second page, written by the child */
		p[0] = 33;
		_exit(ok ? 0 : 1);
	}
	int st = reap(pid);
	EXPECT(exited_with(st, 0));
	EXPECT_EQ(p[0], 33);
	EXPECT_EQ(p[PG / sizeof(int)], 22);
	dt((void *)p), rm(id);
}

TEST(fork_raises_nattch_by_each_inherited_attachment)
{
	int id = seg(K(2), PG);
	void *a = shmat(id, NULL, 0), *b = shmat(id, NULL, SHM_RDONLY);
	EXPECT_EQ(stat_of(id).shm_nattch, 2);
	pid_t pid = fork();
	if (pid == 0) {
		struct shmid_ds ds;
		_exit(shmctl(id, IPC_STAT, &ds) < 0 ? 99 : (int)ds.shm_nattch);
	}
	int st = reap(pid);
	EXPECT(exited_with(st, 4));
	EXPECT_EQ(stat_of(id).shm_nattch, 2); /* the child's exit detached its two */
	dt(a), dt(b), rm(id);
}

TEST(a_childs_inherited_read_only_attachment_stays_read_only_and_shared)
{
	int id = seg(K(3), PG);
	volatile int *rw = shmat(id, NULL, 0);
	const volatile int *ro = shmat(id, NULL, SHM_RDONLY);
	if (rw == FAILED || ro == FAILED)
		return EXPECT(0);
	pid_t pid = fork();
	if (pid == 0) {
		rw[5] = 55;
		_exit(ro[5] == 55 ? 0 : 1);
	}
	EXPECT(exited_with(reap(pid), 0));
	EXPECT_EQ(ro[5], 55);
	dt((void *)rw), dt((const void *)ro), rm(id);
}

TEST(a_childs_shmdt_leaves_the_parents_mapping_intact)
{
	int id = seg(K(4), PG);
	volatile int *p = shmat(id, NULL, 0);
	if (p == FAILED)
		return EXPECT(0);
	p[0] = 1;
	pid_t pid = fork();
	if (pid == 0) {
		int r = shmdt((void *)p);
		struct shmid_ds ds;
		shmctl(id, IPC_STAT, &ds);
		_exit(r == 0 && ds.shm_nattch == 1 ? 0 : 1);
	}
	EXPECT(exited_with(reap(pid), 0));
	p[0] = 2; /* still mapped here */
	EXPECT_EQ(p[0], 2);
	EXPECT_EQ(stat_of(id).shm_nattch, 1);
	EXPECT_EQ(stat_of(id).shm_lpid, pid); /* the child detached last */
	dt((void *)p), rm(id);
}

TEST(fork_makes_the_parent_the_last_to_attach_as_on_linux)
{
	int id = seg(K(13), PG), sync = seg(K(14), PG);
	volatile int *p = shmat(id, NULL, 0), *go = shmat(sync, NULL, 0);
	if (p == FAILED || go == FAILED)
		return EXPECT(0);
	pid_t pid = fork();
	if (pid == 0) {
		wait_for(go, 1);
		_exit(0);
	}
	struct shmid_ds ds = stat_of(id);
	EXPECT_EQ(ds.shm_nattch, 2);
	EXPECT_EQ(ds.shm_lpid, getpid()); /* the fork was the parent's doing */
	*go = 1;
	EXPECT(exited_with(reap(pid), 0));
	dt((void *)p), dt((void *)go), rm(id), rm(sync);
}

TEST(a_parents_shmdt_leaves_the_childs_mapping_intact)
{
	int id = seg(K(5), PG), sync = seg(K(6), PG);
	volatile int *p = shmat(id, NULL, 0), *go = shmat(sync, NULL, 0);
	if (p == FAILED || go == FAILED)
		return EXPECT(0);
	p[0] = 7;
	pid_t pid = fork();
	if (pid == 0) {
		wait_for(go, 1);
		_exit(*go && p[0] == 7 ? 0 : 1);
	}
	dt((void *)p);
	*go = 1;
	EXPECT(exited_with(reap(pid), 0));
	dt((void *)go), rm(id), rm(sync);
}

TEST(a_keyed_segment_outlives_the_child_that_created_it)
{
	pid_t pid = fork();
	if (pid == 0) {
		int id = shmget(K(7), 3 * PG, IPC_CREAT | IPC_EXCL | 0640);
		volatile char *p = id < 0 ? FAILED : shmat(id, NULL, 0);
		if (p == FAILED)
			_exit(1);
		p[2 * PG + 5] = 123; /* the third page */
		_exit(0);            /* no shmdt, no IPC_RMID */
	}
	EXPECT(exited_with(reap(pid), 0));
	int id = EXPECT_OK(shmget(K(7), 0, 0));
	struct shmid_ds ds = stat_of(id);
	EXPECT_EQ(ds.shm_cpid, pid);
	EXPECT_EQ(ds.shm_lpid, pid);
	EXPECT_EQ(ds.shm_nattch, 0);
	EXPECT_EQ(ds.shm_segsz, 3 * PG);
	EXPECT_EQ(ds.shm_perm.mode, 0640);
	EXPECT(ds.shm_dtime >= ds.shm_atime && ds.shm_atime > 0); /* exit detached it */
	volatile char *p = shmat(id, NULL, 0);
	if (p != FAILED)
		EXPECT_EQ(p[2 * PG + 5], 123);
	dt((void *)p), rm(id);
}

TEST(a_removed_segment_is_destroyed_when_its_last_attacher_exits)
{
	int id = seg(K(8), PG);
	pid_t pid = fork();
	if (pid == 0) {
		volatile int *p = shmat(id, NULL, 0);
		int removed = wait_removed(id);
		if (p == FAILED || !removed)
			_exit(1);
		p[0] = 5; /* still usable after removal */
		_exit(p[0] == 5 ? 0 : 2);
	}
	unsigned long t = now();
	while (stat_of(id).shm_nattch == 0 && now() - t < DEADLINE)
		sched_yield();
	EXPECT_EQ(stat_of(id).shm_nattch, 1);
	rm(id);
	EXPECT_ERRNO(shmget(K(8), 0, 0), ENOENT);
	EXPECT(exited_with(reap(pid), 0));
	struct shmid_ds ds;
	EXPECT_ERRNO(shmctl(id, IPC_STAT, &ds), EINVAL);
	EXPECT_ERRNO(shmat(id, NULL, 0), EINVAL);
	EXPECT_ERRNO(shmctl(id, IPC_RMID, NULL), EINVAL);
}

TEST(a_removed_segment_inherited_by_fork_lives_until_both_detach)
{
	int id = seg(K(9), PG), sync = seg(K(10), PG);
	volatile int *p = shmat(id, NULL, 0), *go = shmat(sync, NULL, 0);
	if (p == FAILED || go == FAILED)
		return EXPECT(0);
	rm(id); /* marked while the parent is attached */
	pid_t pid = fork();
	if (pid == 0) {
		wait_for(go, 1);
		struct shmid_ds ds = { 0 };
		int ok = *go && shmctl(id, IPC_STAT, &ds) == 0 && ds.shm_nattch == 1 &&
			 (ds.shm_perm.mode & SHM_DEST);
		p[1] = 77;
		_exit(ok && p[1] == 77 && p[0] == 66 ? 0 : 1);
	}
	EXPECT_EQ(stat_of(id).shm_nattch, 2);
	p[0] = 66;
	dt((void *)p); /* not the last: the child still holds it */
	*go = 1;
	EXPECT(exited_with(reap(pid), 0));
	EXPECT_ERRNO(shmctl(id, IPC_STAT, &(struct shmid_ds){ 0 }), EINVAL);
	dt((void *)go), rm(sync);
}

TEST(a_child_attaching_a_segment_does_not_map_it_in_the_parent)
{
	int id = seg(K(11), PG);
	pid_t pid = fork();
	if (pid == 0)
		_exit(shmat(id, (void *)0x40200000, 0) == (void *)0x40200000 ? 0 : 1);
	EXPECT(exited_with(reap(pid), 0));
	void *p = shmat(id, (void *)0x40200000, 0); /* free here: the child's range was its own */
	EXPECT_EQ(p, 0x40200000);
	dt(p), rm(id);
}

TEST(parent_and_child_take_turns_writing_the_same_inherited_page_after_fork)
{
	int id = seg(K(12), 2 * PG);
	volatile int *p = shmat(id, NULL, 0);
	if (p == FAILED)
		return EXPECT(0);
	volatile int *turn = p, *fresh = p + PG / sizeof(int); /* page 2: untouched before fork */
	pid_t pid = fork();
	if (pid == 0) {
		int bad = 0;
		for (int i = 1; i < 40; i += 2) {
			unsigned long t = now();
			while (*turn != i && now() - t < DEADLINE)
				sched_yield();
			bad += *turn != i || fresh[0] != i;
			fresh[1] = i;
			*turn = i + 1;
		}
		_exit(bad ? 1 : 0);
	}
	int bad = 0;
	for (int i = 0; i < 40; i += 2) {
		unsigned long t = now();
		while (*turn != i && now() - t < DEADLINE)
			sched_yield();
		bad += *turn != i || (i > 0 && fresh[1] != i - 1);
		fresh[0] = i + 1; /* the parent writes after the fork: the child must see it */
		*turn = i + 1;
	}
	EXPECT_EQ(bad, 0);
	EXPECT(exited_with(reap(pid), 0));
	EXPECT_EQ(*turn, 40);
	dt((void *)p), rm(id);
}
