/* shmctl: IPC_STAT, IPC_SET and IPC_RMID, their errnos, and what removal does to a segment;
 * and the Linux commands that list and lock segments. */
#define _GNU_SOURCE /* for IPC_INFO */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/shm.h>
#include <time.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

#define K(n) ((key_t)(0x3000 + (n)))
#define UNMAPPED ((void *)0x30000000L)
#define KERNEL ((void *)0x80200000L)
#define STACK_TOP 0x20000000UL
#define STACK_GUARD (STACK_TOP - 257 * PG) /* below the 1 MiB the stack may grow to */

int main(void); /* its text: mapped, but not writable */

/* Wait until the real-time clock has passed second t, so that a change now gets a later time. */
static void wait_past(time_t t)
{
	unsigned long start = now();
	while (time(NULL) <= t && now() - start < DEADLINE)
		;
}

TEST(shmctl_unknown_command_is_einval)
{
	int id = seg(K(1), PG);
	struct shmid_ds ds;
	EXPECT_ERRNO(shmctl(id, 99, &ds), EINVAL);
	EXPECT_ERRNO(shmctl(id, -1, &ds), EINVAL);
	EXPECT_ERRNO(shmctl(id, 99, NULL), EINVAL);
	EXPECT_EQ(shmget(K(1), 0, 0), id); /* and nothing happened to it */
	rm(id);
}

TEST(shmctl_bad_id_is_einval_for_every_command)
{
	struct shmid_ds ds = { 0 };
	int bad[] = { -1, -77, 0x7fffffff };
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		EXPECT_ERRNO(shmctl(bad[i], IPC_STAT, &ds), EINVAL);
		EXPECT_ERRNO(shmctl(bad[i], IPC_SET, &ds), EINVAL);
		EXPECT_ERRNO(shmctl(bad[i], IPC_RMID, NULL), EINVAL);
	}
}

TEST(shmctl_stale_id_is_einval_and_differs_from_the_slots_new_id)
{
	int old = seg(K(2), PG);
	rm(old);
	int fresh = seg(K(2), PG);
	EXPECT(fresh != old);
	struct shmid_ds ds;
	EXPECT_ERRNO(shmctl(old, IPC_STAT, &ds), EINVAL);
	EXPECT_ERRNO(shmctl(old, IPC_SET, &ds), EINVAL);
	EXPECT_ERRNO(shmctl(old, IPC_RMID, NULL), EINVAL);
	EXPECT_ERRNO(shmat(old, NULL, 0), EINVAL);
	EXPECT_EQ(stat_of(fresh).shm_perm.__key, K(2)); /* the stale RMID left it alone */
	rm(fresh);
}

TEST(shmctl_stale_ids_stay_invalid_over_many_reuses)
{
	int first = EXPECT_OK(shmget(IPC_PRIVATE, PG, 0600));
	rm(first);
	for (int i = 0; i < 20; i++) {
		int id = EXPECT_OK(shmget(IPC_PRIVATE, PG, 0600));
		EXPECT(id != first);
		rm(id);
		EXPECT_ERRNO(shmctl(id, IPC_STAT, &(struct shmid_ds){ 0 }), EINVAL);
	}
	EXPECT_ERRNO(shmctl(first, IPC_STAT, &(struct shmid_ds){ 0 }), EINVAL);
}

TEST(ipc_stat_returns_zero_and_fills_the_structure)
{
	int id = EXPECT_OK(shmget(K(3), 3 * PG + 1, IPC_CREAT | 0604));
	struct shmid_ds ds;
	memset(&ds, 0xa5, sizeof(ds));
	EXPECT_EQ(shmctl(id, IPC_STAT, &ds), 0);
	EXPECT_EQ(ds.shm_perm.__key, K(3));
	EXPECT_EQ(ds.shm_perm.mode, 0604);
	EXPECT_EQ(ds.shm_perm.uid, getuid());
	EXPECT_EQ(ds.shm_segsz, 3 * PG + 1);
	EXPECT_EQ(ds.shm_cpid, getpid());
	EXPECT_EQ(ds.shm_nattch, 0);
	EXPECT_EQ(ds.shm_atime, 0);
	EXPECT_EQ(ds.shm_dtime, 0);
	rm(id);
}

TEST(ipc_stat_to_a_bad_buffer_is_efault)
{
	int id = seg(K(4), PG);
	EXPECT_ERRNO(shmctl(id, IPC_STAT, NULL), EFAULT);
	EXPECT_ERRNO(shmctl(id, IPC_STAT, UNMAPPED), EFAULT);
	EXPECT_ERRNO(shmctl(id, IPC_STAT, KERNEL), EFAULT);
	EXPECT_ERRNO(shmctl(id, IPC_STAT, (void *)-8L), EFAULT);
	rm(id);
}

TEST(ipc_stat_to_read_only_memory_is_efault)
{
	static const struct shmid_ds ro = { 0 };
	int id = seg(K(5), PG);
	EXPECT_ERRNO(shmctl(id, IPC_STAT, (struct shmid_ds *)&ro), EFAULT);
	EXPECT_ERRNO(shmctl(id, IPC_STAT, (void *)(uintptr_t)main), EFAULT);
	EXPECT_ERRNO(shmctl(id, IPC_STAT, (void *)"a string literal, in rodata, long enough.."),
		     EFAULT);
	EXPECT_EQ(ro.shm_segsz, 0);
	rm(id);
}

TEST(ipc_stat_to_a_read_only_shm_attachment_is_efault)
{
	int id = seg(K(6), PG);
	struct shmid_ds *ro = shmat(id, NULL, SHM_RDONLY);
	EXPECT(ro != FAILED);
	EXPECT_ERRNO(shmctl(id, IPC_STAT, ro), EFAULT);
	if (ro != FAILED)
		EXPECT_EQ(ro->shm_segsz, 0);
	dt(ro), rm(id);
}

TEST(ipc_stat_into_a_writable_shm_attachment_works)
{
	int id = seg(K(7), PG);
	struct shmid_ds *rw = shmat(id, NULL, 0);
	EXPECT(rw != FAILED);
	if (rw != FAILED) {
		EXPECT_OK(shmctl(id, IPC_STAT, rw));
		EXPECT_EQ(rw->shm_segsz, PG);
		EXPECT_EQ(rw->shm_nattch, 1);
	}
	dt(rw), rm(id);
}

/* The top sizeof(struct shmid_ds) bytes of the stack hold main's frame: keep them intact. */
static unsigned char saved_top[sizeof(struct shmid_ds)];
#define TOP ((unsigned char *)(STACK_TOP - sizeof(struct shmid_ds)))

TEST(ipc_stat_and_set_buffer_running_past_the_stack_end_is_efault)
{
	int id = seg(K(8), PG);
	memcpy(saved_top, TOP, sizeof(saved_top));
	void *straddle = (void *)(STACK_TOP - sizeof(struct shmid_ds) / 2);
	EXPECT_ERRNO(shmctl(id, IPC_STAT, straddle), EFAULT);
	EXPECT_ERRNO(shmctl(id, IPC_STAT, (void *)(STACK_TOP - 8)), EFAULT);
	EXPECT_ERRNO(shmctl(id, IPC_SET, straddle), EFAULT);
	memcpy(TOP, saved_top, sizeof(saved_top));
	EXPECT_EQ(stat_of(id).shm_perm.mode, 0600);
	rm(id);
}

TEST(ipc_stat_buffer_ending_exactly_at_the_stack_end_works)
{
	int id = seg(K(9), 5000);
	memcpy(saved_top, TOP, sizeof(saved_top));
	int r = shmctl(id, IPC_STAT, (struct shmid_ds *)TOP);
	size_t segsz = ((struct shmid_ds *)TOP)->shm_segsz;
	memcpy(TOP, saved_top, sizeof(saved_top));
	EXPECT_EQ(r, 0);
	EXPECT_EQ(segsz, 5000);
	rm(id);
}

TEST(ipc_set_from_a_bad_buffer_is_efault_and_changes_nothing)
{
	int id = seg(K(10), PG);
	EXPECT_ERRNO(shmctl(id, IPC_SET, NULL), EFAULT);
	EXPECT_ERRNO(shmctl(id, IPC_SET, UNMAPPED), EFAULT);
	EXPECT_ERRNO(shmctl(id, IPC_SET, KERNEL), EFAULT);
	struct shmid_ds ds = stat_of(id);
	EXPECT_EQ(ds.shm_perm.mode, 0600);
	EXPECT_EQ(ds.shm_perm.uid, getuid());
	rm(id);
}

TEST(ipc_set_from_read_only_memory_works)
{
	static const struct shmid_ds want = { .shm_perm = { .uid = 0, .gid = 0, .mode = 0640 } };
	int id = seg(K(11), PG);
	EXPECT_OK(shmctl(id, IPC_SET, (struct shmid_ds *)&want));
	EXPECT_EQ(stat_of(id).shm_perm.mode, 0640);
	rm(id);
}

TEST(ipc_set_changes_uid_gid_and_the_nine_mode_bits_only)
{
	int id = EXPECT_OK(shmget(K(12), 5000, IPC_CREAT | 0600));
	struct shmid_ds before = stat_of(id);
	struct shmid_ds set = before;
	set.shm_perm.uid = 1234;
	set.shm_perm.gid = 5678;
	set.shm_perm.mode = 0644;
	set.shm_perm.cuid = 42;
	set.shm_perm.cgid = 43;
	set.shm_perm.__key = K(99);
	set.shm_segsz = 1;
	set.shm_cpid = 7;
	set.shm_lpid = 8;
	set.shm_nattch = 9;
	set.shm_atime = 10;
	set.shm_dtime = 11;
	EXPECT_OK(shmctl(id, IPC_SET, &set));
	struct shmid_ds after = stat_of(id);
	EXPECT_EQ(after.shm_perm.uid, 1234);
	EXPECT_EQ(after.shm_perm.gid, 5678);
	EXPECT_EQ(after.shm_perm.mode, 0644);
	EXPECT_EQ(after.shm_perm.cuid, before.shm_perm.cuid);
	EXPECT_EQ(after.shm_perm.cgid, before.shm_perm.cgid);
	EXPECT_EQ(after.shm_perm.__key, K(12));
	EXPECT_EQ(after.shm_segsz, 5000);
	EXPECT_EQ(after.shm_cpid, before.shm_cpid);
	EXPECT_EQ(after.shm_lpid, 0);
	EXPECT_EQ(after.shm_nattch, 0);
	EXPECT_EQ(after.shm_atime, 0);
	EXPECT_EQ(after.shm_dtime, 0);
	EXPECT_EQ(shmget(K(12), 0, 0), id); /* still found by its key */
	rm(id);
}

/* (uid_t)-1 names nobody: Linux refuses it as an owner, and changes nothing. */
TEST(ipc_set_to_uid_or_gid_minus_one_is_einval_and_changes_nothing)
{
	int id = seg(K(13), PG);
	struct shmid_ds set = stat_of(id);
	set.shm_perm.uid = (uid_t)-1;
	set.shm_perm.mode = 0644;
	EXPECT_ERRNO(shmctl(id, IPC_SET, &set), EINVAL);
	set.shm_perm.uid = 0;
	set.shm_perm.gid = (gid_t)-1;
	EXPECT_ERRNO(shmctl(id, IPC_SET, &set), EINVAL);
	struct shmid_ds after = stat_of(id);
	EXPECT_EQ(after.shm_perm.uid, 0);
	EXPECT_EQ(after.shm_perm.gid, 0);
	EXPECT_EQ(after.shm_perm.mode, 0600);
	rm(id);
}

/* Linux refuses a negative id before it looks at the command, even one that takes none. */
TEST(shmctl_with_a_negative_id_is_einval_for_every_command)
{
	struct shminfo si;
	struct shmid_ds ds;
	EXPECT_ERRNO(shmctl(-1, IPC_INFO, (struct shmid_ds *)&si), EINVAL);
	EXPECT_ERRNO(shmctl(-1, SHM_INFO, (struct shmid_ds *)&si), EINVAL);
	EXPECT_ERRNO(shmctl(-1, SHM_STAT, &ds), EINVAL);
	EXPECT_ERRNO(shmctl(-1, SHM_LOCK, NULL), EINVAL);
	EXPECT(shmctl(0, IPC_INFO, (struct shmid_ds *)&si) >= 0);
}

TEST(ipc_set_mode_bits_above_the_nine_do_not_stick)
{
	int id = seg(K(13), PG);
	struct shmid_ds set = stat_of(id);
	set.shm_perm.mode = 0177777; /* SHM_DEST, setuid, sticky and more */
	EXPECT_OK(shmctl(id, IPC_SET, &set));
	EXPECT_EQ(stat_of(id).shm_perm.mode, 0777);
	rm(id); /* not attached: really gone, SHM_DEST was not taken */
	EXPECT_ERRNO(shmctl(id, IPC_STAT, &set), EINVAL);
}

TEST(ipc_set_cannot_clear_shm_dest)
{
	int id = seg(K(14), PG);
	void *p = shmat(id, NULL, 0);
	rm(id);
	struct shmid_ds set = stat_of(id);
	EXPECT(set.shm_perm.mode & SHM_DEST);
	set.shm_perm.mode = 0600;
	EXPECT_OK(shmctl(id, IPC_SET, &set));
	EXPECT_EQ(stat_of(id).shm_perm.mode, SHM_DEST | 0600);
	dt(p);
	EXPECT_ERRNO(shmctl(id, IPC_STAT, &set), EINVAL);
}

TEST(ipc_set_updates_ctime)
{
	int id = seg(K(15), PG);
	struct shmid_ds ds = stat_of(id);
	time_t created = ds.shm_ctime;
	wait_past(created);
	time_t before = time(NULL);
	EXPECT_OK(shmctl(id, IPC_SET, &ds));
	time_t after = time(NULL);
	time_t changed = stat_of(id).shm_ctime;
	EXPECT(changed > created);
	EXPECT(changed >= before && changed <= after);
	rm(id);
}

TEST(ipc_rmid_of_an_unattached_segment_destroys_it_at_once)
{
	int id = seg(K(16), PG);
	EXPECT_EQ(shmctl(id, IPC_RMID, NULL), 0);
	struct shmid_ds ds;
	EXPECT_ERRNO(shmctl(id, IPC_STAT, &ds), EINVAL);
	EXPECT_ERRNO(shmat(id, NULL, 0), EINVAL);
	EXPECT_ERRNO(shmctl(id, IPC_RMID, NULL), EINVAL);
	EXPECT_ERRNO(shmget(K(16), 0, 0), ENOENT);
}

TEST(ipc_rmid_ignores_its_buffer_argument)
{
	int a = seg(K(17), PG), b = seg(K(18), PG);
	EXPECT_OK(shmctl(a, IPC_RMID, UNMAPPED));
	EXPECT_OK(shmctl(b, IPC_RMID, KERNEL));
	EXPECT_ERRNO(shmget(K(17), 0, 0), ENOENT);
	EXPECT_ERRNO(shmget(K(18), 0, 0), ENOENT);
}

TEST(ipc_rmid_of_an_attached_segment_sets_shm_dest_and_stat_still_works)
{
	int id = EXPECT_OK(shmget(K(19), PG, IPC_CREAT | 0640));
	void *p = shmat(id, NULL, 0);
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
	struct shmid_ds ds = stat_of(id);
	EXPECT_EQ(ds.shm_perm.mode, SHM_DEST | 0640);
	EXPECT_EQ(ds.shm_nattch, 1);
	EXPECT_EQ(ds.shm_segsz, PG);
	dt(p);
}

TEST(ipc_rmid_of_an_attached_segment_makes_its_key_private_at_once)
{
	int id = seg(K(20), PG);
	void *p = shmat(id, NULL, 0);
	rm(id);
	EXPECT_ERRNO(shmget(K(20), 0, 0), ENOENT);
	EXPECT_ERRNO(shmget(K(20), PG, 0600), ENOENT);
	EXPECT_EQ(stat_of(id).shm_perm.__key, IPC_PRIVATE);
	int fresh = EXPECT_OK(shmget(K(20), PG, IPC_CREAT | IPC_EXCL | 0600));
	EXPECT(fresh != id);
	EXPECT_EQ(shmget(K(20), 0, 0), fresh);
	dt(p), rm(fresh);
}

TEST(ipc_rmid_segment_is_destroyed_at_the_last_detach)
{
	int id = seg(K(21), PG);
	void *a = shmat(id, NULL, 0), *b = shmat(id, NULL, 0);
	rm(id);
	dt(a);
	EXPECT_EQ(stat_of(id).shm_nattch, 1); /* one left: still there */
	dt(b);
	struct shmid_ds ds;
	EXPECT_ERRNO(shmctl(id, IPC_STAT, &ds), EINVAL);
	EXPECT_ERRNO(shmctl(id, IPC_SET, &ds), EINVAL);
	EXPECT_ERRNO(shmctl(id, IPC_RMID, NULL), EINVAL);
	EXPECT_ERRNO(shmat(id, NULL, 0), EINVAL);
}

TEST(ipc_rmid_twice_on_an_attached_segment_keeps_it_until_the_last_detach)
{
	int id = seg(K(22), PG);
	volatile int *p = shmat(id, NULL, 0);
	rm(id);
	shmctl(id, IPC_RMID, NULL); /* allowed or not, it must not destroy it under us */
	EXPECT_EQ(stat_of(id).shm_nattch, 1);
	if (p != FAILED) {
		p[0] = 5;
		EXPECT_EQ(p[0], 5);
	}
	dt((void *)p);
	EXPECT_ERRNO(shmctl(id, IPC_STAT, &(struct shmid_ds){ 0 }), EINVAL);
}

TEST(shm_dest_is_not_set_before_removal)
{
	int id = seg(K(23), PG);
	void *p = shmat(id, NULL, 0);
	EXPECT_EQ(stat_of(id).shm_perm.mode & SHM_DEST, 0);
	dt(p), rm(id);
}

TEST(only_the_exact_id_shmget_returned_names_the_segment)
{
	int id = seg(K(24), PG);
	struct shmid_ds ds;
	unsigned wrong = 0;
	for (int other = 0; other < 4096; other++)
		if (other != id)
			wrong += shmctl(other, IPC_STAT, &ds) != -1 || errno != EINVAL;
	for (int k = 1; k <= 8; k++) {
		int near[] = { id + 64 * k, id - 64 * k, id + 0x10000 * k, id ^ (1 << (22 + k)) };
		for (unsigned i = 0; i < 4; i++)
			if (near[i] != id)
				wrong += shmctl(near[i], IPC_STAT, &ds) != -1 || errno != EINVAL;
	}
	wrong += shmctl(id | (int)0x80000000u, IPC_STAT, &ds) != -1;
	EXPECT_EQ(wrong, 0);
	rm(id);
}

TEST(ipc_stat_to_a_window_address_with_nothing_attached_is_efault)
{
	int id = seg(K(25), PG);
	EXPECT_ERRNO(shmctl(id, IPC_STAT, (void *)0x40000000L), EFAULT);
	EXPECT_ERRNO(shmctl(id, IPC_STAT, (void *)0x43fff000L), EFAULT);
	EXPECT_ERRNO(shmctl(id, IPC_SET, (void *)0x40000000L), EFAULT);
	rm(id);
}

TEST(ipc_stat_and_set_buffer_running_past_an_attachment_end_is_efault)
{
	int id = seg(K(26), PG);
	char *p = shmat(id, (void *)0x40100000L, 0);
	EXPECT_EQ(p, 0x40100000L);
	if (p != FAILED) {
		void *tail = p + PG - sizeof(struct shmid_ds) / 2;
		EXPECT_ERRNO(shmctl(id, IPC_STAT, tail), EFAULT);
		EXPECT_ERRNO(shmctl(id, IPC_SET, tail), EFAULT);
		void *fits = p + PG - sizeof(struct shmid_ds);
		EXPECT_OK(shmctl(id, IPC_STAT, fits));
	}
	dt(p);
	EXPECT_EQ(stat_of(id).shm_perm.mode, 0600);
	rm(id);
}

TEST(ipc_stat_running_from_a_writable_into_a_read_only_attachment_is_efault)
{
	int id = seg(K(27), PG);
	char *rw = shmat(id, (void *)0x40200000L, 0);
	char *ro = shmat(id, (void *)0x40201000L, SHM_RDONLY);
	EXPECT(rw != FAILED && ro != FAILED);
	if (rw != FAILED && ro != FAILED)
		EXPECT_ERRNO(shmctl(id, IPC_STAT, (void *)(ro - 16)), EFAULT);
	dt(rw), dt(ro), rm(id);
}

TEST(ipc_stat_buffer_running_into_the_guard_page_below_the_stack_is_efault)
{
	int id = seg(K(28), PG);
	void *p = (void *)(STACK_GUARD + PG - sizeof(struct shmid_ds) / 2);
	EXPECT_ERRNO(shmctl(id, IPC_STAT, p), EFAULT);
	rm(id);
}

TEST(ipc_set_from_an_untouched_shm_page_reads_it_as_zeros)
{
	int id = EXPECT_OK(shmget(K(29), PG, IPC_CREAT | 0644));
	int buf = EXPECT_OK(shmget(IPC_PRIVATE, PG, 0600));
	void *p = shmat(buf, NULL, 0);
	if (p != FAILED)
		EXPECT_OK(shmctl(id, IPC_SET, p)); /* uid 0, gid 0, mode 0 */
	EXPECT_EQ(stat_of(id).shm_perm.mode, 0);
	dt(p), rm(id), rm(buf);
}

TEST(attach_and_detach_times_are_the_times_of_the_calls)
{
	int id = seg(K(30), PG);
	time_t t0 = time(NULL);
	void *p = shmat(id, NULL, 0);
	time_t t1 = time(NULL);
	dt(p);
	time_t t2 = time(NULL);
	struct shmid_ds ds = stat_of(id);
	EXPECT(ds.shm_atime >= t0 && ds.shm_atime <= t1);
	EXPECT(ds.shm_dtime >= t1 && ds.shm_dtime <= t2);
	rm(id);
}

TEST(ipc_stat_writes_exactly_one_struct_and_nothing_around_it)
{
	int id = seg(K(31), PG);
	struct {
		unsigned char before[64];
		struct shmid_ds ds;
		unsigned char after[64];
	} buf;
	memset(&buf, 0xa5, sizeof(buf));
	EXPECT_OK(shmctl(id, IPC_STAT, &buf.ds));
	unsigned touched = 0;
	for (unsigned i = 0; i < 64; i++)
		touched += (buf.before[i] != 0xa5) + (buf.after[i] != 0xa5);
	EXPECT_EQ(touched, 0);
	EXPECT_EQ(buf.ds.shm_segsz, PG);
	rm(id);
}

TEST(ipc_set_buffer_ending_exactly_at_the_stack_end_works)
{
	int id = seg(K(32), PG);
	memcpy(saved_top, TOP, sizeof(saved_top));
	struct shmid_ds *top = (struct shmid_ds *)TOP;
	int r1 = shmctl(id, IPC_STAT, top);
	top->shm_perm.mode = 0604;
	int r2 = shmctl(id, IPC_SET, top);
	memcpy(TOP, saved_top, sizeof(saved_top));
	EXPECT_EQ(r1, 0);
	EXPECT_EQ(r2, 0);
	EXPECT_EQ(stat_of(id).shm_perm.mode, 0604);
	rm(id);
}

TEST(ipc_set_buffer_ending_exactly_at_an_attachment_end_works)
{
	int id = seg(K(33), PG);
	char *p = shmat(id, NULL, 0);
	if (p != FAILED) {
		struct shmid_ds *ds = (struct shmid_ds *)(p + PG - sizeof(struct shmid_ds));
		EXPECT_OK(shmctl(id, IPC_STAT, ds));
		ds->shm_perm.mode = 0660;
		EXPECT_OK(shmctl(id, IPC_SET, ds));
	}
	EXPECT_EQ(stat_of(id).shm_perm.mode, 0660);
	dt(p), rm(id);
}

TEST(ipc_info_gives_the_limits_and_the_highest_slot_in_use)
{
	int id = seg(K(40), PG);
	struct shminfo si;
	int top = shmctl(0, IPC_INFO, (struct shmid_ds *)&si);
	EXPECT(top >= id % 64 && top < 64); /* ids are seq * 64 + slot */
	EXPECT_EQ(si.shmmax, 1024 * PG);
	EXPECT_EQ(si.shmmin, 1);
	EXPECT_EQ(si.shmmni, 64);
	EXPECT_EQ(si.shmseg, 64);
	EXPECT(si.shmall > 0);
	EXPECT_ERRNO(shmctl(0, IPC_INFO, (struct shmid_ds *)KERNEL), EFAULT);
	rm(id);
}

TEST(shm_info_counts_the_segments_and_their_pages)
{
	struct shm_info before, after;
	EXPECT_OK(shmctl(0, SHM_INFO, (struct shmid_ds *)&before));
	int id = seg(K(41), 3 * PG);
	volatile char *p = shmat(id, NULL, 0);
	if (p != FAILED)
		p[0] = 1; /* backs one page even with lazy backing */
	EXPECT_OK(shmctl(0, SHM_INFO, (struct shmid_ds *)&after));
	EXPECT_EQ(after.used_ids, before.used_ids + 1);
	EXPECT_EQ(after.shm_tot, before.shm_tot + 3);
	EXPECT_EQ(after.shm_rss, before.shm_rss + (RVSHM_LAZY ? 1 : 3));
	EXPECT_EQ(after.shm_swp, 0);
	EXPECT_ERRNO(shmctl(0, SHM_INFO, UNMAPPED), EFAULT);
	dt((void *)p), rm(id);
}

TEST(shm_stat_takes_a_slot_and_returns_the_segments_id)
{
	int id = seg(K(42), 2 * PG);
	struct shmid_ds ds;
	EXPECT_EQ(shmctl(id % 64, SHM_STAT, &ds), id);
	EXPECT_EQ(ds.shm_segsz, 2 * PG);
	EXPECT_EQ(ds.shm_perm.__key, K(42));
	EXPECT_EQ(shmctl(id % 64, SHM_STAT_ANY, &ds), id);
	EXPECT_ERRNO(shmctl(id % 64, SHM_STAT, (struct shmid_ds *)KERNEL), EFAULT);
	EXPECT_ERRNO(shmctl(id % 64, SHM_STAT_ANY, UNMAPPED), EFAULT);
	rm(id);
	EXPECT_ERRNO(shmctl(id % 64, SHM_STAT, &ds), EINVAL); /* the slot is free now */
	EXPECT_ERRNO(shmctl(64, SHM_STAT, &ds), EINVAL);
	EXPECT_ERRNO(shmctl(-1, SHM_STAT_ANY, &ds), EINVAL);
}

static int slot_of_private; /* a segment only its owner, root, may read */

static void stat_as_another_user(void)
{
	struct shmid_ds ds;
	if (setuid(1000) != 0)
		_exit(1);
	if (shmctl(slot_of_private, SHM_STAT, &ds) != -1 || errno != EACCES)
		_exit(2);
	if (shmctl(slot_of_private, SHM_STAT_ANY, &ds) < 0 || ds.shm_segsz != PG)
		_exit(3);
	if (shmctl(shmget(K(43), 0, 0), SHM_LOCK, NULL) != -1 || errno != EPERM)
		_exit(4);
}

TEST(shm_stat_needs_read_permission_and_shm_stat_any_does_not)
{
	int id = seg(K(43), PG); /* mode 0600, root's */
	slot_of_private = id % 64;
	EXPECT(exited_with(in_child(stat_as_another_user), 0));
	rm(id);
}

TEST(shm_lock_sets_shm_locked_and_shm_unlock_clears_it)
{
	int id = seg(K(44), PG);
	EXPECT_OK(shmctl(id, SHM_LOCK, NULL));
	EXPECT_EQ(stat_of(id).shm_perm.mode, SHM_LOCKED | 0600);
	EXPECT_OK(shmctl(id, SHM_UNLOCK, NULL));
	EXPECT_EQ(stat_of(id).shm_perm.mode, 0600);
	EXPECT_ERRNO(shmctl(id + 64 * 1000, SHM_LOCK, NULL), EINVAL);
	rm(id);
}
