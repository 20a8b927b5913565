/* Root is bound by no permission bits and may change any id. */
#include <errno.h>
#include <sys/shm.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

#define K(n) ((key_t)(0x5800 + (n)))

/* A segment of someone else, with mode 0. */
static int foreign(key_t key)
{
	int id = EXPECT_OK(shmget(key, 4096, IPC_CREAT | 0600));
	struct shmid_ds ds = { .shm_perm = { .uid = 2000, .gid = 200, .mode = 0 } };
	EXPECT_OK(shmctl(id, IPC_SET, &ds));
	return id;
}

TEST(root_attaches_and_stats_a_foreign_segment_with_mode_zero)
{
	int id = foreign(K(1));
	void *rw = shmat(id, NULL, 0), *ro = shmat(id, NULL, SHM_RDONLY);
	EXPECT(rw != FAILED && ro != FAILED);
	struct shmid_ds ds;
	EXPECT_OK(shmctl(id, IPC_STAT, &ds));
	EXPECT_EQ(ds.shm_perm.uid, 2000);
	EXPECT_EQ(ds.shm_perm.mode, 0);
	EXPECT_EQ(ds.shm_nattch, 2);
	if (rw != FAILED)
		shmdt(rw);
	if (ro != FAILED)
		shmdt(ro);
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
}

TEST(root_finds_a_foreign_segment_asking_for_any_permission)
{
	int id = foreign(K(2));
	EXPECT_EQ(shmget(K(2), 0, 0666), id);
	EXPECT_EQ(shmget(K(2), 0, IPC_CREAT | 0600), id);
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
}

TEST(root_sets_and_removes_a_segment_it_neither_owns_nor_created)
{
	int id = foreign(K(3));
	struct shmid_ds ds = { .shm_perm = { .uid = 3000, .gid = 300, .mode = 0444 } };
	EXPECT_OK(shmctl(id, IPC_SET, &ds));
	EXPECT_OK(shmctl(id, IPC_STAT, &ds));
	EXPECT_EQ(ds.shm_perm.uid, 3000);
	EXPECT_EQ(ds.shm_perm.gid, 300);
	EXPECT_EQ(ds.shm_perm.mode, 0444);
	EXPECT_EQ(ds.shm_perm.cuid, 0);
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
	EXPECT_ERRNO(shmget(K(3), 0, 0), ENOENT);
}

TEST(root_may_set_its_gid_to_anything_and_back)
{
	EXPECT_EQ(setgid(4321), 0);
	EXPECT_EQ(getgid(), 4321);
	EXPECT_EQ(getegid(), 4321);
	int id = EXPECT_OK(shmget(K(4), 4096, IPC_CREAT | 0600));
	struct shmid_ds ds;
	EXPECT_OK(shmctl(id, IPC_STAT, &ds));
	EXPECT_EQ(ds.shm_perm.cgid, 4321);
	EXPECT_EQ(ds.shm_perm.gid, 4321);
	EXPECT_EQ(setgid(0), 0);
	EXPECT_EQ(getgid(), 0);
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
}

TEST(root_setuid_to_itself_is_allowed)
{
	EXPECT_EQ(getuid(), 0);
	EXPECT_EQ(setuid(0), 0);
	EXPECT_EQ(geteuid(), 0);
}
