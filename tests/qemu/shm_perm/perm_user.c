/* Permission checks as uid 1000, gid 100, against root's fixtures (perm_fixtures.c) and its own. */
#include <errno.h>
#include <sched.h>
#include <sys/shm.h>
#include <unistd.h>

#include "perm.h"
#include "utest.h"

#define K(n) ((key_t)(0x5400 + (n)))

extern const struct utest __start_utest[], __stop_utest[];
static struct control *ctl = FAILED;
static int ran;

/* Every test starts here: the first one drops root and waits for the fixtures. */
static void begin(void)
{
	static int once;
	if (once++)
		return;
	setgid(USER_GID);
	setuid(USER_UID);
	unsigned long start = now();
	int id;
	while ((id = shmget(CTL_KEY, 0, 0)) < 0 && now() - start < SECONDS(10))
		sched_yield();
	ctl = id < 0 ? FAILED : shmat(id, NULL, 0);
	while (ctl != FAILED && !ctl->ready && now() - start < SECONDS(10))
		sched_yield();
	__sync_synchronize();
}

/* Every test ends here: the last one tells root it may clean up. */
static void end(void)
{
	if (++ran == __stop_utest - __start_utest && ctl != FAILED) {
		ctl->done = 1;
		shmdt(ctl);
	}
}

static int fx(enum fixture f)
{
	EXPECT(ctl != FAILED && ctl->ready);
	return ctl != FAILED ? ctl->ids[f] : -1;
}

/* shmat must succeed: then detach. */
static void attach_ok(int id, int flg, int line)
{
	void *p = shmat(id, NULL, flg);
	utest_check(p != FAILED, "shmat succeeds", __FILE__, line);
	if (p != FAILED)
		shmdt(p);
}
#define ATTACH_OK(f, flg) attach_ok(fx(f), flg, __LINE__)

TEST(the_test_process_runs_as_uid_1000_gid_100)
{
	begin();
	EXPECT_EQ(getuid(), USER_UID);
	EXPECT_EQ(geteuid(), USER_UID);
	EXPECT_EQ(getgid(), USER_GID);
	EXPECT_EQ(getegid(), USER_GID);
	EXPECT(ctl != FAILED && ctl->ready);
	end();
}

TEST(setuid_and_setgid_by_non_root_to_another_id_is_eperm)
{
	begin();
	EXPECT_ERRNO(setuid(0), EPERM);
	EXPECT_ERRNO(setuid(OTHER_UID), EPERM);
	EXPECT_ERRNO(setgid(0), EPERM);
	EXPECT_ERRNO(setgid(OTHER_GID), EPERM);
	EXPECT_EQ(setuid(USER_UID), 0);
	EXPECT_EQ(setgid(USER_GID), 0);
	EXPECT_EQ(geteuid(), USER_UID);
	EXPECT_EQ(getegid(), USER_GID);
	end();
}

TEST(owner_with_read_write_may_attach_either_way_and_stat)
{
	begin();
	ATTACH_OK(FIX_OWNER_RW, 0);
	ATTACH_OK(FIX_OWNER_RW, SHM_RDONLY);
	struct shmid_ds ds;
	EXPECT_OK(shmctl(fx(FIX_OWNER_RW), IPC_STAT, &ds));
	EXPECT_EQ(ds.shm_perm.uid, USER_UID);
	end();
}

TEST(owner_with_read_only_may_attach_read_only_but_not_read_write)
{
	begin();
	EXPECT_ERRNO(shmat(fx(FIX_OWNER_R), NULL, 0), EACCES);
	ATTACH_OK(FIX_OWNER_R, SHM_RDONLY);
	struct shmid_ds ds;
	EXPECT_OK(shmctl(fx(FIX_OWNER_R), IPC_STAT, &ds));
	end();
}

TEST(owner_class_alone_decides_even_when_group_and_other_may)
{
	begin();
	EXPECT_ERRNO(shmat(fx(FIX_OWNER_NONE), NULL, 0), EACCES);
	EXPECT_ERRNO(shmat(fx(FIX_OWNER_NONE), NULL, SHM_RDONLY), EACCES);
	struct shmid_ds ds;
	EXPECT_ERRNO(shmctl(fx(FIX_OWNER_NONE), IPC_STAT, &ds), EACCES);
	EXPECT_ERRNO(shmget(FIX_KEY(FIX_OWNER_NONE), 0, 0400), EACCES);
	end();
}

TEST(group_member_gets_the_group_bits)
{
	begin();
	ATTACH_OK(FIX_GROUP_RW, 0);
	ATTACH_OK(FIX_GROUP_RW, SHM_RDONLY);
	struct shmid_ds ds;
	EXPECT_OK(shmctl(fx(FIX_GROUP_RW), IPC_STAT, &ds));
	EXPECT_EQ(shmget(FIX_KEY(FIX_GROUP_RW), 0, 0060), fx(FIX_GROUP_RW));
	end();
}

TEST(group_class_alone_decides_even_when_other_may)
{
	begin();
	EXPECT_ERRNO(shmat(fx(FIX_GROUP_NONE), NULL, 0), EACCES);
	EXPECT_ERRNO(shmat(fx(FIX_GROUP_NONE), NULL, SHM_RDONLY), EACCES);
	struct shmid_ds ds;
	EXPECT_ERRNO(shmctl(fx(FIX_GROUP_NONE), IPC_STAT, &ds), EACCES);
	end();
}

TEST(group_match_on_the_creator_gid_counts_too)
{
	begin();
	ATTACH_OK(FIX_CGID, 0);
	struct shmid_ds ds;
	EXPECT_OK(shmctl(fx(FIX_CGID), IPC_STAT, &ds));
	EXPECT_EQ(ds.shm_perm.cgid, USER_GID);
	EXPECT(ds.shm_perm.gid != USER_GID);
	end();
}

TEST(others_get_the_other_bits)
{
	begin();
	ATTACH_OK(FIX_OTHER_RW, 0);
	ATTACH_OK(FIX_OTHER_RW, SHM_RDONLY);
	EXPECT_ERRNO(shmat(fx(FIX_OTHER_NONE), NULL, 0), EACCES);
	EXPECT_ERRNO(shmat(fx(FIX_OTHER_NONE), NULL, SHM_RDONLY), EACCES);
	struct shmid_ds ds;
	EXPECT_ERRNO(shmctl(fx(FIX_OTHER_NONE), IPC_STAT, &ds), EACCES);
	end();
}

TEST(read_only_attach_needs_read_and_read_write_attach_needs_both)
{
	begin();
	ATTACH_OK(FIX_OTHER_R, SHM_RDONLY);
	EXPECT_ERRNO(shmat(fx(FIX_OTHER_R), NULL, 0), EACCES);
	EXPECT_ERRNO(shmat(fx(FIX_OTHER_W), NULL, SHM_RDONLY), EACCES);
	EXPECT_ERRNO(shmat(fx(FIX_OTHER_W), NULL, 0), EACCES);
	EXPECT_ERRNO(shmat(fx(FIX_NONE), NULL, SHM_RDONLY), EACCES);
	end();
}

TEST(ipc_stat_needs_read_permission)
{
	begin();
	struct shmid_ds ds;
	EXPECT_OK(shmctl(fx(FIX_OTHER_R), IPC_STAT, &ds));
	EXPECT_EQ(ds.shm_perm.mode, 0004);
	EXPECT_ERRNO(shmctl(fx(FIX_OTHER_W), IPC_STAT, &ds), EACCES);
	EXPECT_ERRNO(shmctl(fx(FIX_NONE), IPC_STAT, &ds), EACCES);
	end();
}

TEST(failed_attach_changes_no_attach_count)
{
	begin();
	EXPECT_ERRNO(shmat(fx(FIX_OTHER_R), NULL, 0), EACCES);
	struct shmid_ds ds;
	EXPECT_OK(shmctl(fx(FIX_OTHER_R), IPC_STAT, &ds));
	EXPECT_EQ(ds.shm_nattch, 0);
	EXPECT_EQ(ds.shm_atime, 0);
	end();
}

TEST(shmget_of_an_existing_key_needs_the_permission_bits_asked_for)
{
	begin();
	EXPECT_EQ(shmget(FIX_KEY(FIX_NONE), 0, 0), fx(FIX_NONE)); /* nothing asked */
	EXPECT_ERRNO(shmget(FIX_KEY(FIX_NONE), 0, 0400), EACCES);
	EXPECT_ERRNO(shmget(FIX_KEY(FIX_NONE), 0, 0004), EACCES);
	EXPECT_ERRNO(shmget(FIX_KEY(FIX_NONE), 0, IPC_CREAT | 0600), EACCES);
	EXPECT_EQ(shmget(FIX_KEY(FIX_OTHER_R), 0, 0004), fx(FIX_OTHER_R));
	EXPECT_EQ(shmget(FIX_KEY(FIX_OTHER_R), 0, 0444), fx(FIX_OTHER_R));
	EXPECT_ERRNO(shmget(FIX_KEY(FIX_OTHER_R), 0, 0006), EACCES);
	EXPECT_ERRNO(shmget(FIX_KEY(FIX_OTHER_R), 0, 0666), EACCES);
	EXPECT_ERRNO(shmget(FIX_KEY(FIX_OTHER_W), 0, 0004), EACCES);
	EXPECT_EQ(shmget(FIX_KEY(FIX_OWNER_R), 0, 0400), fx(FIX_OWNER_R));
	EXPECT_ERRNO(shmget(FIX_KEY(FIX_OWNER_R), 0, 0600), EACCES);
	end();
}

TEST(shmget_permission_bits_in_any_class_ask_for_that_access)
{
	begin(); /* Linux: the three classes of shmflg are or-ed into one request */
	EXPECT_EQ(shmget(FIX_KEY(FIX_OTHER_R), 0, 0400), fx(FIX_OTHER_R));
	EXPECT_ERRNO(shmget(FIX_KEY(FIX_OTHER_R), 0, 0200), EACCES);
	EXPECT_ERRNO(shmget(FIX_KEY(FIX_OTHER_R), 0, 0020), EACCES);
	end();
}

TEST(shmget_creat_excl_on_an_inaccessible_key_is_still_eexist)
{
	begin();
	EXPECT_ERRNO(shmget(FIX_KEY(FIX_NONE), 0, IPC_CREAT | IPC_EXCL | 0600), EEXIST);
	end();
}

TEST(ipc_set_and_ipc_rmid_by_neither_owner_nor_creator_are_eperm)
{
	begin();
	struct shmid_ds ds;
	EXPECT_OK(shmctl(fx(FIX_NOT_OWNER), IPC_STAT, &ds)); /* read access is not enough */
	ds.shm_perm.mode = 0666;
	EXPECT_ERRNO(shmctl(fx(FIX_NOT_OWNER), IPC_SET, &ds), EPERM);
	EXPECT_ERRNO(shmctl(fx(FIX_NOT_OWNER), IPC_RMID, NULL), EPERM);
	EXPECT_ERRNO(shmctl(fx(FIX_NONE), IPC_RMID, NULL), EPERM);
	EXPECT_OK(shmctl(fx(FIX_NOT_OWNER), IPC_STAT, &ds)); /* still there */
	end();
}

TEST(ipc_set_by_the_owner_needs_no_permission_bits)
{
	begin();
	int id = fx(FIX_OWNER_MODE0);
	struct shmid_ds ds = { .shm_perm = { .uid = USER_UID, .gid = USER_GID, .mode = 0640 } };
	EXPECT_ERRNO(shmctl(id, IPC_STAT, &ds), EACCES);
	EXPECT_OK(shmctl(id, IPC_SET, &ds));
	EXPECT_OK(shmctl(id, IPC_STAT, &ds)); /* 0640 now: the owner may read */
	EXPECT_EQ(ds.shm_perm.mode, 0640);
	EXPECT_EQ(ds.shm_perm.gid, USER_GID);
	EXPECT_EQ(ds.shm_perm.cuid, 0);
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
	EXPECT_ERRNO(shmctl(id, IPC_STAT, &ds), EINVAL);
	end();
}

TEST(ipc_rmid_by_the_owner_who_is_not_the_creator_works)
{
	begin();
	EXPECT_OK(shmctl(fx(FIX_OWNER_REMOVE), IPC_RMID, NULL));
	EXPECT_ERRNO(shmget(FIX_KEY(FIX_OWNER_REMOVE), 0, 0), ENOENT);
	end();
}

TEST(an_owner_who_gives_the_segment_away_loses_control_of_it)
{
	begin();
	int id = fx(FIX_GIVE_AWAY);
	struct shmid_ds ds;
	EXPECT_OK(shmctl(id, IPC_STAT, &ds));
	ds.shm_perm.uid = OTHER_UID;
	EXPECT_OK(shmctl(id, IPC_SET, &ds));
	EXPECT_ERRNO(shmctl(id, IPC_STAT, &ds), EACCES); /* 0600 of someone else */
	EXPECT_ERRNO(shmat(id, NULL, 0), EACCES);
	ds.shm_perm.uid = USER_UID;
	EXPECT_ERRNO(shmctl(id, IPC_SET, &ds), EPERM);
	EXPECT_ERRNO(shmctl(id, IPC_RMID, NULL), EPERM);
	end();
}

TEST(a_new_segment_belongs_to_the_effective_uid_and_gid)
{
	begin();
	int id = EXPECT_OK(shmget(K(1), 4096, IPC_CREAT | 0600));
	struct shmid_ds ds;
	EXPECT_OK(shmctl(id, IPC_STAT, &ds));
	EXPECT_EQ(ds.shm_perm.uid, USER_UID);
	EXPECT_EQ(ds.shm_perm.cuid, USER_UID);
	EXPECT_EQ(ds.shm_perm.gid, USER_GID);
	EXPECT_EQ(ds.shm_perm.cgid, USER_GID);
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
	end();
}

TEST(the_creator_keeps_owner_rights_after_giving_the_segment_away)
{
	begin();
	int id = EXPECT_OK(shmget(K(2), 4096, IPC_CREAT | 0600));
	struct shmid_ds ds = { .shm_perm = { .uid = OTHER_UID, .gid = OTHER_GID, .mode = 0600 } };
	EXPECT_OK(shmctl(id, IPC_SET, &ds));
	void *p = shmat(id, NULL, 0); /* cuid matches: owner bits apply */
	EXPECT(p != FAILED);
	if (p != FAILED)
		shmdt(p);
	EXPECT_OK(shmctl(id, IPC_STAT, &ds));
	EXPECT_EQ(ds.shm_perm.uid, OTHER_UID);
	EXPECT_OK(shmctl(id, IPC_SET, &ds));
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
	end();
}

TEST(a_non_root_owner_is_bound_by_its_own_mode_bits)
{
	begin();
	int id = EXPECT_OK(shmget(K(3), 4096, IPC_CREAT | 0000));
	EXPECT_ERRNO(shmat(id, NULL, SHM_RDONLY), EACCES);
	struct shmid_ds ds;
	EXPECT_ERRNO(shmctl(id, IPC_STAT, &ds), EACCES);
	EXPECT_ERRNO(shmget(K(3), 0, 0600), EACCES);
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
	end();
}

/* Linux checks what the arguments alone can tell before it looks at the segment, so a
 * process with no right to a segment still hears first that its address is bad. */
TEST(shmat_checks_the_address_before_the_permission_as_linux_does)
{
	begin();
	int id = fx(FIX_NONE);
	EXPECT_ERRNO(shmat(id, (void *)0x40000001UL, 0), EINVAL);
	EXPECT_ERRNO(shmat(id, NULL, SHM_REMAP), EINVAL);
	EXPECT_ERRNO(shmat(id, NULL, 0), EACCES); /* with good arguments, the permission */
	EXPECT_ERRNO(shmat(id, (void *)0x40000001UL, SHM_RND), EACCES);
	end();
}

TEST(shmctl_checks_the_buffer_of_ipc_set_before_the_owner_as_linux_does)
{
	begin();
	EXPECT_ERRNO(shmctl(fx(FIX_NOT_OWNER), IPC_SET, NULL), EFAULT);
	EXPECT_ERRNO(shmctl(fx(FIX_NOT_OWNER), IPC_STAT, NULL), EFAULT); /* may read: then buf */
	EXPECT_ERRNO(shmctl(fx(FIX_NONE), IPC_STAT, NULL), EACCES);      /* may not: EACCES */
	end();
}
