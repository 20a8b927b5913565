/* shmget: which calls create, which find, which fail, and what a new segment's shmid_ds says. */
#include <errno.h>
#include <stdint.h>
#include <sys/shm.h>
#include <time.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

#define K(n) ((key_t)(0x1000 + (n)))
#define MAXSEG (1024 * 4096UL)
#define Y2023 1700000000L /* any real Unix time of today is later */
#define Y2100 4102444800L /* and earlier than this: not ns, not ms */

TEST(shmget_private_creates_a_new_segment_each_call)
{
	int a = EXPECT_OK(shmget(IPC_PRIVATE, 4096, 0600));
	int b = EXPECT_OK(shmget(IPC_PRIVATE, 4096, 0600));
	int c = EXPECT_OK(shmget(IPC_PRIVATE, 4096, IPC_CREAT | IPC_EXCL | 0600));
	EXPECT(a >= 0 && b >= 0 && c >= 0);
	EXPECT(a != b && b != c && a != c);
	rm(a), rm(b), rm(c);
}

TEST(shmget_absent_key_without_creat_is_enoent)
{
	EXPECT_ERRNO(shmget(K(1), 4096, 0600), ENOENT);
	EXPECT_ERRNO(shmget(K(1), 0, 0), ENOENT);
	EXPECT_ERRNO(shmget(K(1), 4096, IPC_EXCL | 0600), ENOENT);
}

TEST(shmget_creat_excl_on_an_existing_key_is_eexist)
{
	int id = EXPECT_OK(shmget(K(2), 4096, IPC_CREAT | IPC_EXCL | 0600));
	EXPECT_ERRNO(shmget(K(2), 4096, IPC_CREAT | IPC_EXCL | 0600), EEXIST);
	EXPECT_ERRNO(shmget(K(2), 0, IPC_CREAT | IPC_EXCL), EEXIST);
	rm(id);
}

TEST(shmget_creat_on_an_existing_key_returns_the_same_id)
{
	int id = EXPECT_OK(shmget(K(3), 4096, IPC_CREAT | 0600));
	EXPECT_EQ(shmget(K(3), 4096, IPC_CREAT | 0600), id);
	EXPECT_EQ(shmget(K(3), 4096, 0600), id);
	EXPECT_EQ(shmget(K(3), 0, 0), id);
	rm(id);
}

TEST(shmget_larger_than_the_existing_exact_size_is_einval)
{
	int id = EXPECT_OK(shmget(K(4), 5000, IPC_CREAT | 0600));
	EXPECT_ERRNO(shmget(K(4), 5001, 0600), EINVAL);
	EXPECT_ERRNO(shmget(K(4), 8192, 0600), EINVAL); /* within the rounded-up page: still more */
	EXPECT_ERRNO(shmget(K(4), 5001, IPC_CREAT | 0600), EINVAL);
	EXPECT_EQ(stat_of(id).shm_segsz, 5000);
	rm(id);
}

TEST(shmget_size_is_compared_in_full_not_truncated_to_32_bits)
{
	int id = EXPECT_OK(shmget(K(18), 5000, IPC_CREAT | 0600));
	EXPECT_ERRNO(shmget(K(18), ((size_t)1 << 32) + 1, 0600), EINVAL);
	EXPECT_ERRNO(shmget(K(18), ((size_t)1 << 32) + 4096, IPC_CREAT | 0600), EINVAL);
	EXPECT_ERRNO(shmget(IPC_PRIVATE, ((size_t)1 << 32) + 4096, 0600), EINVAL);
	EXPECT_ERRNO(shmget(K(19), ((size_t)1 << 32) + 4096, IPC_CREAT | 0600), EINVAL);
	EXPECT_ERRNO(shmget(K(19), 0, 0), ENOENT);
	rm(id);
}

TEST(shmget_absent_key_without_creat_is_enoent_whatever_the_size)
{
	EXPECT_ERRNO(shmget(K(20), MAXSEG + 1, 0600), ENOENT);
	EXPECT_ERRNO(shmget(K(20), SIZE_MAX, 0), ENOENT);
}

TEST(shmget_creat_of_an_existing_key_with_size_zero_returns_the_same_id)
{
	int id = EXPECT_OK(shmget(K(21), 4096, IPC_CREAT | 0600));
	EXPECT_EQ(shmget(K(21), 0, IPC_CREAT | 0600), id);
	rm(id);
}

TEST(shmget_ctime_is_the_time_of_creation)
{
	time_t before = time(NULL);
	int id = EXPECT_OK(shmget(K(22), 4096, IPC_CREAT | 0600));
	time_t after = time(NULL);
	time_t ctime = stat_of(id).shm_ctime;
	EXPECT(before > Y2023);
	EXPECT(ctime >= before && ctime <= after);
	rm(id);
}

TEST(shmget_at_most_the_existing_size_including_zero_returns_the_same_id)
{
	int id = EXPECT_OK(shmget(K(5), 5000, IPC_CREAT | 0600));
	EXPECT_EQ(shmget(K(5), 5000, 0600), id);
	EXPECT_EQ(shmget(K(5), 4096, 0600), id);
	EXPECT_EQ(shmget(K(5), 1, 0600), id);
	EXPECT_EQ(shmget(K(5), 0, 0600), id);
	EXPECT_EQ(stat_of(id).shm_segsz, 5000); /* a smaller request does not shrink it */
	rm(id);
}

TEST(shmget_create_with_size_zero_is_einval_and_creates_nothing)
{
	EXPECT_ERRNO(shmget(K(6), 0, IPC_CREAT | 0600), EINVAL);
	EXPECT_ERRNO(shmget(IPC_PRIVATE, 0, 0600), EINVAL);
	EXPECT_ERRNO(shmget(K(6), 4096, 0600), ENOENT);
}

TEST(shmget_create_above_the_maximum_is_einval_and_creates_nothing)
{
	EXPECT_ERRNO(shmget(K(7), MAXSEG + 1, IPC_CREAT | 0600), EINVAL);
	EXPECT_ERRNO(shmget(K(7), MAXSEG + 4096, IPC_CREAT | 0600), EINVAL);
	EXPECT_ERRNO(shmget(IPC_PRIVATE, MAXSEG + 1, 0600), EINVAL);
	EXPECT_ERRNO(shmget(K(7), 4096, 0600), ENOENT);
}

TEST(shmget_create_with_a_size_that_would_wrap_when_rounded_is_einval)
{
	EXPECT_ERRNO(shmget(IPC_PRIVATE, SIZE_MAX, 0600), EINVAL);
	EXPECT_ERRNO(shmget(IPC_PRIVATE, SIZE_MAX - 4094, 0600), EINVAL);
	EXPECT_ERRNO(shmget(IPC_PRIVATE, (size_t)1 << 63, 0600), EINVAL);
	EXPECT_ERRNO(shmget(K(8), (size_t)1 << 44 | 4096, IPC_CREAT | 0600), EINVAL);
	EXPECT_ERRNO(shmget(K(8), 4096, 0600), ENOENT);
}

TEST(shmget_create_of_exactly_the_maximum_succeeds)
{
	int id = EXPECT_OK(shmget(K(9), MAXSEG, IPC_CREAT | 0600));
	EXPECT_EQ(stat_of(id).shm_segsz, MAXSEG);
	rm(id);
}

TEST(shmget_segsz_is_the_exact_size_asked_not_rounded)
{
	int id = EXPECT_OK(shmget(K(10), 5000, IPC_CREAT | 0600));
	EXPECT_EQ(stat_of(id).shm_segsz, 5000);
	int one = EXPECT_OK(shmget(IPC_PRIVATE, 1, 0600));
	EXPECT_EQ(stat_of(one).shm_segsz, 1);
	rm(id), rm(one);
}

TEST(shmget_new_segment_perm_has_key_creator_ids_and_low_nine_mode_bits)
{
	int id = EXPECT_OK(shmget(K(11), 4096, IPC_CREAT | IPC_EXCL | 0640));
	struct shmid_ds ds = stat_of(id);
	EXPECT_EQ(ds.shm_perm.__key, K(11));
	EXPECT_EQ(ds.shm_perm.uid, geteuid());
	EXPECT_EQ(ds.shm_perm.cuid, geteuid());
	EXPECT_EQ(ds.shm_perm.gid, getegid());
	EXPECT_EQ(ds.shm_perm.cgid, getegid());
	EXPECT_EQ(ds.shm_perm.mode, 0640); /* IPC_CREAT and IPC_EXCL are not mode bits */
	rm(id);
}

TEST(shmget_mode_keeps_only_the_nine_permission_bits)
{
	int id = EXPECT_OK(shmget(IPC_PRIVATE, 4096, IPC_CREAT | IPC_EXCL | SHM_RDONLY | 0777));
	EXPECT_EQ(stat_of(id).shm_perm.mode, 0777);
	rm(id);
}

TEST(shmget_private_segment_reports_key_zero)
{
	int id = EXPECT_OK(shmget(IPC_PRIVATE, 4096, 0600));
	EXPECT_EQ(stat_of(id).shm_perm.__key, IPC_PRIVATE);
	rm(id);
}

TEST(shmget_new_segment_times_are_unix_seconds_with_atime_dtime_zero)
{
	int id = EXPECT_OK(shmget(K(12), 4096, IPC_CREAT | 0600));
	struct shmid_ds ds = stat_of(id);
	EXPECT(ds.shm_ctime > Y2023);
	EXPECT(ds.shm_ctime < Y2100);
	EXPECT_EQ(ds.shm_atime, 0);
	EXPECT_EQ(ds.shm_dtime, 0);
	rm(id);
}

TEST(shmget_new_segment_has_creator_pid_and_no_attach_history)
{
	int id = EXPECT_OK(shmget(K(13), 4096, IPC_CREAT | 0600));
	struct shmid_ds ds = stat_of(id);
	EXPECT_EQ(ds.shm_cpid, getpid());
	EXPECT_EQ(ds.shm_lpid, 0);
	EXPECT_EQ(ds.shm_nattch, 0);
	rm(id);
}

TEST(shmget_finding_an_existing_key_changes_nothing)
{
	int id = EXPECT_OK(shmget(K(14), 5000, IPC_CREAT | 0640));
	struct shmid_ds before = stat_of(id);
	EXPECT_EQ(shmget(K(14), 100, IPC_CREAT | 0600), id);
	struct shmid_ds after = stat_of(id);
	EXPECT_EQ(after.shm_perm.mode, 0640);
	EXPECT_EQ(after.shm_segsz, 5000);
	EXPECT_EQ(after.shm_ctime, before.shm_ctime);
	EXPECT_EQ(after.shm_cpid, before.shm_cpid);
	rm(id);
}

TEST(shmget_negative_key_is_an_ordinary_key)
{
	int id = EXPECT_OK(shmget((key_t)-0x1234, 4096, IPC_CREAT | IPC_EXCL | 0600));
	EXPECT_EQ(shmget((key_t)-0x1234, 0, 0), id);
	EXPECT_EQ(stat_of(id).shm_perm.__key, (key_t)-0x1234);
	rm(id);
	EXPECT_ERRNO(shmget((key_t)-0x1234, 0, 0), ENOENT);
}

TEST(shmget_distinct_keys_give_distinct_segments)
{
	int a = EXPECT_OK(shmget(K(15), 4096, IPC_CREAT | IPC_EXCL | 0600));
	int b = EXPECT_OK(shmget(K(16), 4096, IPC_CREAT | IPC_EXCL | 0600));
	EXPECT(a != b);
	EXPECT_EQ(shmget(K(15), 0, 0), a);
	EXPECT_EQ(shmget(K(16), 0, 0), b);
	rm(a), rm(b);
}

TEST(shmget_removed_unattached_key_is_gone_and_can_be_created_again)
{
	int id = EXPECT_OK(shmget(K(17), 4096, IPC_CREAT | 0600));
	rm(id);
	EXPECT_ERRNO(shmget(K(17), 4096, 0600), ENOENT);
	int again = EXPECT_OK(shmget(K(17), 4096, IPC_CREAT | IPC_EXCL | 0600));
	EXPECT(again != id);
	rm(again);
}

TEST(ftok_is_deterministic_and_the_id_changes_the_key)
{
	key_t a = ftok("/shm/get", 1);
	EXPECT(a != (key_t)-1 && a != IPC_PRIVATE);
	EXPECT_EQ(ftok("/shm/get", 1), a);
	EXPECT(ftok("/shm/get", 2) != a);
	EXPECT(ftok("/shm/other", 1) != a);
	int id = EXPECT_OK(shmget(a, 4096, IPC_CREAT | IPC_EXCL | 0600));
	EXPECT_EQ(shmget(ftok("/shm/get", 1), 0, 0), id);
	rm(id);
}
