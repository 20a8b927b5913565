/* Root makes the segments perm_user.c is tested against, waits for it, then removes them. */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/shm.h>
#include <unistd.h>

#include "perm.h"

static const struct {
	uid_t uid;
	gid_t gid;
	mode_t mode;
} fix[NFIX] = {
	[FIX_OWNER_RW] = { USER_UID, 0, 0600 },
	[FIX_OWNER_R] = { USER_UID, 0, 0400 },
	[FIX_OWNER_NONE] = { USER_UID, USER_GID, 0066 },
	[FIX_GROUP_RW] = { OTHER_UID, USER_GID, 0060 },
	[FIX_GROUP_NONE] = { OTHER_UID, USER_GID, 0606 },
	[FIX_OTHER_RW] = { OTHER_UID, OTHER_GID, 0006 },
	[FIX_OTHER_NONE] = { OTHER_UID, OTHER_GID, 0660 },
	[FIX_OTHER_R] = { OTHER_UID, OTHER_GID, 0004 },
	[FIX_OTHER_W] = { OTHER_UID, OTHER_GID, 0002 },
	[FIX_NONE] = { OTHER_UID, OTHER_GID, 0000 },
	[FIX_CGID] = { OTHER_UID, 300, 0060 },
	[FIX_OWNER_MODE0] = { USER_UID, OTHER_GID, 0000 },
	[FIX_NOT_OWNER] = { OTHER_UID, USER_GID, 0666 },
	[FIX_GIVE_AWAY] = { USER_UID, OTHER_GID, 0600 },
	[FIX_OWNER_REMOVE] = { USER_UID, OTHER_GID, 0600 },
};

static int failures;

static void fail(const char *what, int i)
{
	printf("FAIL perm_fixtures: %s (fixture %d): errno %d\n", what, i, errno);
	failures++;
}

int main(void)
{
	int ctl = shmget(CTL_KEY, sizeof(struct control), IPC_CREAT | IPC_EXCL | 0666);
	struct control *c = ctl < 0 ? (void *)-1 : shmat(ctl, NULL, 0);
	if (c == (void *)-1) {
		fail("control segment", -1);
		return 1;
	}
	for (int i = 0; i < NFIX; i++) {
		if (i == FIX_CGID && setgid(USER_GID) < 0)
			fail("setgid to the user's group", i);
		c->ids[i] = shmget(FIX_KEY(i), 4096, IPC_CREAT | IPC_EXCL | 0600);
		if (i == FIX_CGID && setgid(0) < 0)
			fail("setgid back to 0", i);
		struct shmid_ds ds;
		if (c->ids[i] < 0 || shmctl(c->ids[i], IPC_STAT, &ds) < 0) {
			fail("create", i);
			continue;
		}
		ds.shm_perm.uid = fix[i].uid;
		ds.shm_perm.gid = fix[i].gid;
		ds.shm_perm.mode = fix[i].mode;
		if (shmctl(c->ids[i], IPC_SET, &ds) < 0)
			fail("IPC_SET", i);
		if (shmctl(c->ids[i], IPC_STAT, &ds) < 0 || ds.shm_perm.uid != fix[i].uid ||
		    ds.shm_perm.gid != fix[i].gid || ds.shm_perm.mode != fix[i].mode ||
		    ds.shm_perm.cuid != 0 || ds.shm_perm.cgid != (i == FIX_CGID ? USER_GID : 0))
			fail("IPC_STAT after IPC_SET", i);
	}
	__sync_synchronize();
	c->ready = 1;

	unsigned long start = now();
	while (!c->done && now() - start < SECONDS(20))
		sched_yield();
	if (!c->done)
		fail("perm_user never finished", -1);

	/* The user was allowed to remove these two; every other removal is root's. */
	for (int i = 0; i < NFIX; i++) {
		int r = shmctl(c->ids[i], IPC_RMID, NULL);
		int removed_by_user = i == FIX_OWNER_MODE0 || i == FIX_OWNER_REMOVE;
		if (removed_by_user ? r != -1 || errno != EINVAL : r != 0)
			fail(removed_by_user ? "should be gone already" : "root's IPC_RMID", i);
	}
	shmdt(c);
	shmctl(ctl, IPC_RMID, NULL);
	printf("%s perm_fixtures_made_and_removed_by_root\n", failures ? "FAIL" : "PASS");
	return failures != 0;
}
