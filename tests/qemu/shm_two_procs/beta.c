/* The other side: finds alpha's segment by key, attaches elsewhere, reads, replies. */
#include <errno.h>
#include <sched.h>
#include <sys/shm.h>
#include <unistd.h>

#include "proto.h"
#include "utest.h"

TEST(a_second_process_sees_and_answers_through_its_own_attachment)
{
	unsigned long start = now();
	int id;
	while ((id = shmget(MEET_KEY, 0, 0)) < 0 && now() - start < DEADLINE) {
		EXPECT_EQ(errno, ENOENT);
		sched_yield();
	}
	EXPECT(id >= 0);
	struct shmid_ds ds;
	while (id >= 0 && shmctl(id, IPC_STAT, &ds) == 0 && ds.shm_nattch == 0 &&
	       now() - start < DEADLINE)
		sched_yield(); /* until alpha has attached: alpha checks that beta attached last */
	struct meet *m = id < 0 ? (void *)-1 : shmat(id, BETA_ADDR, 0);
	EXPECT_EQ(m, BETA_ADDR);
	if (m == (void *)-1)
		return;
	m->beta_pid = getpid();
	EXPECT(wait_for(&m->step, ALPHA_WROTE));
	unsigned bad = 0;
	for (unsigned i = 0; i < PG; i++)
		bad += m->alpha_data[i] != (unsigned char)(i * 7 + 1);
	EXPECT_EQ(bad, 0);
	EXPECT_OK(shmctl(id, IPC_STAT, &ds));
	EXPECT_EQ(ds.shm_cpid, m->alpha_pid);
	EXPECT(ds.shm_cpid != getpid());
	EXPECT_EQ(ds.shm_segsz, sizeof(struct meet));
	EXPECT_EQ(ds.shm_nattch, 2);
	for (unsigned i = 0; i < PG; i++)
		m->beta_data[i] = (unsigned char)(i * 13 + 5);
	__sync_synchronize();
	m->step = BETA_REPLIED;

	/* Alpha removes the segment: it stays, marked, until this process detaches too. */
	EXPECT(wait_for(&m->step, ALPHA_REMOVED));
	start = now();
	while (shmctl(id, IPC_STAT, &ds) == 0 && ds.shm_nattch > 1 && now() - start < DEADLINE)
		sched_yield(); /* until alpha's shmdt */
	EXPECT_OK(shmctl(id, IPC_STAT, &ds));
	EXPECT(ds.shm_perm.mode & SHM_DEST);
	EXPECT_EQ(ds.shm_nattch, 1);
	EXPECT_EQ(ds.shm_lpid, m->alpha_pid); /* alpha detached last */
	m->beta_data[0] = 0xee;               /* still ours to use */
	EXPECT_EQ(m->beta_data[0], 0xee);
	EXPECT_EQ(m->alpha_data[PG - 1], (unsigned char)((PG - 1) * 7 + 1));
	EXPECT_OK(shmdt(m));
	EXPECT_ERRNO(shmctl(id, IPC_STAT, &ds), EINVAL); /* gone with the last detach */
	EXPECT_ERRNO(shmat(id, NULL, 0), EINVAL);
}
