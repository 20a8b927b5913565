/* Two processes share memory by key: alpha creates and writes, reads beta's reply, removes. */
#include <sched.h>
#include <sys/shm.h>
#include <unistd.h>

#include "proto.h"
#include "utest.h"

TEST(two_processes_exchange_data_both_ways_through_one_keyed_segment)
{
	int id = EXPECT_OK(shmget(MEET_KEY, sizeof(struct meet), IPC_CREAT | IPC_EXCL | 0600));
	struct meet *m = shmat(id, NULL, 0);
	EXPECT_EQ(m, 0x40000000);
	if (m == (void *)-1)
		return;
	m->alpha_pid = getpid();
	for (unsigned i = 0; i < PG; i++)
		m->alpha_data[i] = (unsigned char)(i * 7 + 1);
	__sync_synchronize();
	m->step = ALPHA_WROTE;

	EXPECT(wait_for(&m->step, BETA_REPLIED));
	unsigned bad = 0;
	for (unsigned i = 0; i < PG; i++)
		bad += m->beta_data[i] != (unsigned char)(i * 13 + 5);
	EXPECT_EQ(bad, 0);
	struct shmid_ds ds;
	EXPECT_OK(shmctl(id, IPC_STAT, &ds));
	EXPECT_EQ(ds.shm_nattch, 2);
	EXPECT_EQ(ds.shm_cpid, getpid());
	EXPECT_EQ(ds.shm_lpid, m->beta_pid); /* beta attached last */

	/* Remove it while both are attached; beta checks that it lives until its detach. */
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
	EXPECT_ERRNO(shmget(MEET_KEY, 0, 0), ENOENT);
	__sync_synchronize();
	m->step = ALPHA_REMOVED;
	EXPECT_OK(shmdt(m));
}
