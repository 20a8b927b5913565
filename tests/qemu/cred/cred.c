/* Credentials as POSIX and Linux have them: real, effective and saved ids, what each set-id
 * call may do with and without privilege, supplementary groups, whom kill may reach, and the
 * fixed user and group tables. Each test that drops root does it in a child, whose exit code
 * names the first check that failed (0: all held); the test program itself stays root. */
#define _GNU_SOURCE /* setresuid and friends */
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <string.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

/* In a child: exit with code unless cond holds. */
#define CHECK(cond, code)                                                                          \
	do {                                                                                       \
		if (!(cond))                                                                       \
			_exit(code);                                                               \
	} while (0)

/* Do the calling process's user ids read r, e, s? */
static int uids_are(uid_t r, uid_t e, uid_t s)
{
	uid_t gr, ge, gs;
	return getresuid(&gr, &ge, &gs) == 0 && gr == r && ge == e && gs == s && getuid() == r &&
	       geteuid() == e;
}

/* Do its group ids read r, e, s? */
static int gids_are(gid_t r, gid_t e, gid_t s)
{
	gid_t gr, ge, gs;
	return getresgid(&gr, &ge, &gs) == 0 && gr == r && ge == e && gs == s && getgid() == r &&
	       getegid() == e;
}

/* Did the call fail with errno err? */
static int fails_with(long ret, int err)
{
	return ret == -1 && errno == err;
}

static void root_drops_to_nobody_and_back(void)
{
	CHECK(seteuid(65534) == 0 && uids_are(0, 65534, 0), 1);
	CHECK(seteuid(0) == 0 && uids_are(0, 0, 0), 2); /* the real and saved ids are still 0 */
}

TEST(root_may_take_back_root_after_seteuid_to_nobody)
{
	EXPECT(uids_are(0, 0, 0) && gids_are(0, 0, 0));
	EXPECT(exited_with(in_child(root_drops_to_nobody_and_back), 0));
}

static void setreuid_moves_the_saved_id(void)
{
	CHECK(setreuid((uid_t)-1, 65534) == 0 && uids_are(0, 65534, 65534), 1);
	CHECK(seteuid(0) == 0 && uids_are(0, 0, 65534), 2); /* 0 is still the real id */
	CHECK(setreuid(0, 0) == 0 && uids_are(0, 0, 0), 3);
	CHECK(setreuid((uid_t)-1, 0) == 0 && uids_are(0, 0, 0), 4); /* effective = real: kept */
}

TEST(setreuid_with_an_effective_id_other_than_the_real_one_sets_the_saved_id)
{
	EXPECT(exited_with(in_child(setreuid_moves_the_saved_id), 0));
}

static void unprivileged_moves(void)
{
	CHECK(setresuid(1000, 2000, 3000) == 0 && uids_are(1000, 2000, 3000), 1);
	CHECK(seteuid(1000) == 0 && uids_are(1000, 1000, 3000), 2);
	CHECK(seteuid(3000) == 0 && uids_are(1000, 3000, 3000), 3);
	CHECK(fails_with(seteuid(4000), EPERM) && uids_are(1000, 3000, 3000), 4);
	CHECK(fails_with(setuid(2000), EPERM), 5); /* 2000 is none of the three any more */
	CHECK(fails_with(setresuid(4000, -1, -1), EPERM), 6);
	CHECK(setreuid(3000, -1) == 0 && uids_are(3000, 3000, 3000), 7); /* from the effective */
	CHECK(fails_with(setreuid(1000, -1), EPERM), 8);
	CHECK(fails_with(seteuid(0), EPERM), 9); /* no 0 is left: root is gone for good */
}

TEST(without_privilege_each_id_moves_only_among_the_real_effective_and_saved_ones)
{
	EXPECT(exited_with(in_child(unprivileged_moves), 0));
}

static void setuid_as_root(void)
{
	CHECK(setuid(1000) == 0 && uids_are(1000, 1000, 1000), 1);
	CHECK(fails_with(setuid(0), EPERM) && fails_with(seteuid(0), EPERM), 2);
	CHECK(setuid(1000) == 0, 3); /* one's own id is always allowed */
}

static void setuid_as_a_user(void)
{
	CHECK(setresuid(1000, 1000, 2000) == 0, 1);
	CHECK(setuid(2000) == 0 && uids_are(1000, 2000, 2000), 2); /* the saved id */
	CHECK(setuid(1000) == 0 && uids_are(1000, 1000, 2000), 3); /* the real id */
	CHECK(fails_with(setuid(3000), EPERM), 4);
}

TEST(setuid_sets_all_three_ids_for_root_and_only_the_effective_one_for_others)
{
	EXPECT(exited_with(in_child(setuid_as_root), 0));
	EXPECT(exited_with(in_child(setuid_as_a_user), 0));
}

static void minus_one(void)
{
	CHECK(fails_with(setuid((uid_t)-1), EINVAL) && fails_with(setgid((gid_t)-1), EINVAL), 1);
	CHECK(fails_with(seteuid((uid_t)-1), EINVAL) && fails_with(setegid((gid_t)-1), EINVAL), 2);
	CHECK(setreuid(-1, -1) == 0 && setresuid(-1, -1, -1) == 0 && uids_are(0, 0, 0), 3);
	CHECK(setregid(-1, -1) == 0 && setresgid(-1, -1, -1) == 0 && gids_are(0, 0, 0), 4);
}

TEST(minus_one_is_einval_as_an_id_and_leaves_an_id_unchanged_in_setreuid_and_setresuid)
{
	EXPECT(exited_with(in_child(minus_one), 0));
}

static void group_moves(void)
{
	CHECK(setresgid(10, 20, 30) == 0 && gids_are(10, 20, 30), 1); /* root: any */
	CHECK(setregid(-1, 40) == 0 && gids_are(10, 40, 40), 2);      /* saved follows */
	CHECK(setuid(1000) == 0, 3);
	CHECK(setegid(10) == 0 && gids_are(10, 10, 40), 4);
	CHECK(fails_with(setegid(20), EPERM), 5);
	CHECK(setgid(40) == 0 && gids_are(10, 40, 40), 6); /* only the effective: no privilege */
	CHECK(fails_with(setresgid(-1, -1, 0), EPERM), 7);
}

TEST(group_ids_follow_the_same_rules_and_privilege_is_an_effective_uid_of_0)
{
	EXPECT(exited_with(in_child(group_moves), 0));
}

TEST(getresuid_and_getresgid_into_a_bad_pointer_are_efault)
{
	uid_t u;
	EXPECT_ERRNO(getresuid(NULL, &u, &u), EFAULT);
	EXPECT_ERRNO(getresuid(&u, &u, (uid_t *)8), EFAULT);
	EXPECT_ERRNO(getresgid((gid_t *)0x7ffff000, &u, &u), EFAULT);
}

static int root_only_segment = -1;

static void attach_as(void)
{
	CHECK(seteuid(65534) == 0, 1);
	CHECK(shmat(root_only_segment, NULL, 0) == FAILED && errno == EACCES, 2);
	CHECK(seteuid(0) == 0, 3);
	CHECK(shmat(root_only_segment, NULL, 0) != FAILED, 4);
}

TEST(permission_checks_use_the_effective_user_id)
{
	root_only_segment = seg(IPC_PRIVATE, PG); /* mode 0600, root's */
	EXPECT(exited_with(in_child(attach_as), 0));
	rm(root_only_segment);
}

/* A child that takes user ids r, e, s, says so through *ready, and sleeps until killed. */
static pid_t sleeper(volatile int *ready, uid_t r, uid_t e, uid_t s)
{
	*ready = 0;
	pid_t pid = fork();
	if (pid == 0) {
		if (setresuid(r, e, s) != 0)
			_exit(1);
		*ready = 1;
		sleep(100);
		_exit(2);
	}
	EXPECT(wait_for(ready, 1));
	return pid;
}

/* The errno of kill(target, 0) from a child with user ids r, e, s (0 if it succeeded). */
static int kill_errno_as(pid_t target, uid_t r, uid_t e, uid_t s)
{
	pid_t pid = fork();
	if (pid == 0) {
		if (setresuid(r, e, s) != 0)
			_exit(100);
		_exit(kill(target, 0) == 0 ? 0 : errno);
	}
	int status = reap(pid);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(kill_reaches_a_process_whose_real_or_saved_uid_is_the_senders_real_or_effective_one)
{
	int id = seg(IPC_PRIVATE, PG);
	volatile int *ready = shmat(id, NULL, 0);
	pid_t target = sleeper(ready, 1000, 2000, 3000);
	EXPECT_EQ(kill_errno_as(target, 1000, 5000, 5000), 0);     /* real = target's real */
	EXPECT_EQ(kill_errno_as(target, 5000, 1000, 5000), 0);     /* effective = target's real */
	EXPECT_EQ(kill_errno_as(target, 3000, 5000, 5000), 0);     /* real = target's saved */
	EXPECT_EQ(kill_errno_as(target, 5000, 3000, 5000), 0);     /* effective = target's saved */
	EXPECT_EQ(kill_errno_as(target, 5000, 2000, 1000), EPERM); /* its effective id is no key */
	EXPECT_EQ(kill_errno_as(target, 5000, 5000, 1000), EPERM); /* nor is the sender's saved */
	EXPECT_EQ(kill(target, SIGKILL), 0);
	EXPECT(killed_by(reap(target), SIGKILL));
	dt((void *)ready);
	rm(id);
}

static void groups_unprivileged(void)
{
	const gid_t g[1] = { 5 };
	CHECK(setuid(1000) == 0, 1);
	CHECK(fails_with(setgroups(1, g), EPERM) && fails_with(setgroups(0, NULL), EPERM), 2);
}

TEST(setgroups_is_for_root_only)
{
	EXPECT(exited_with(in_child(groups_unprivileged), 0));
}

static void groups_sorted(void)
{
	const gid_t in[4] = { 5, 3, 4, 3 };
	gid_t out[8] = { 0 };
	CHECK(setgroups(4, in) == 0, 1);
	CHECK(getgroups(0, NULL) == 4, 2);
	CHECK(getgroups(8, out) == 4, 3);
	CHECK(out[0] == 3 && out[1] == 3 && out[2] == 4 && out[3] == 5, 4);
	CHECK(fails_with(getgroups(2, out), EINVAL) && fails_with(getgroups(-1, out), EINVAL), 5);
	gid_t *volatile bad = (gid_t *)8; /* volatile: the compiler cannot see it is bad */
	CHECK(fails_with(getgroups(8, bad), EFAULT), 6);
	CHECK(setgroups(0, NULL) == 0 && getgroups(0, NULL) == 0, 7);
}

TEST(getgroups_gives_the_groups_sorted_duplicates_and_all_and_needs_room_for_them)
{
	EXPECT(exited_with(in_child(groups_sorted), 0));
}

static void groups_bad(void)
{
	gid_t many[NGROUPS_MAX + 1] = { 0 };
	const gid_t minus_one[2] = { 7, (gid_t)-1 };
	CHECK(setgroups(NGROUPS_MAX, many) == 0, 1);
	CHECK(fails_with(setgroups(NGROUPS_MAX + 1, many), EINVAL), 2);
	CHECK(fails_with(setgroups(1, (gid_t *)8), EFAULT), 3);
	CHECK(fails_with(setgroups(2, minus_one), EINVAL), 4);
	CHECK(getgroups(0, NULL) == NGROUPS_MAX, 5); /* the failed calls changed nothing */
}

TEST(setgroups_of_too_many_of_minus_one_or_from_a_bad_pointer_fails_and_changes_nothing)
{
	EXPECT_EQ(NGROUPS_MAX, 32);
	EXPECT_EQ(sysconf(_SC_NGROUPS_MAX), NGROUPS_MAX);
	EXPECT(exited_with(in_child(groups_bad), 0));
}

static int group_segment = -1;

static void attach_with_group_77(void)
{
	const gid_t g[2] = { 3, 77 };
	CHECK(setgroups(2, g) == 0 && setgid(100) == 0 && setuid(65534) == 0, 1);
	void *p = shmat(group_segment, NULL, SHM_RDONLY);
	CHECK(p != FAILED, 2);
	CHECK(shmat(group_segment, NULL, 0) == FAILED && errno == EACCES, 3); /* group: r only */
}

static void attach_without_group_77(void)
{
	CHECK(setgroups(0, NULL) == 0 && setgid(100) == 0 && setuid(65534) == 0, 1);
	CHECK(shmat(group_segment, NULL, SHM_RDONLY) == FAILED && errno == EACCES, 2);
}

TEST(a_supplementary_group_grants_a_segments_group_permissions)
{
	group_segment = EXPECT_OK(shmget(IPC_PRIVATE, PG, IPC_CREAT | 0040));
	struct shmid_ds ds = stat_of(group_segment);
	ds.shm_perm.gid = 77;
	EXPECT_OK(shmctl(group_segment, IPC_SET, &ds));
	EXPECT(exited_with(in_child(attach_with_group_77), 0));
	EXPECT(exited_with(in_child(attach_without_group_77), 0));
	rm(group_segment);
}

static void fork_keeps_credentials(void)
{
	const gid_t g[2] = { 8, 9 };
	CHECK(setgroups(2, g) == 0 && setresgid(10, 20, 30) == 0, 1);
	CHECK(setresuid(1000, 2000, 3000) == 0, 2);
	pid_t pid = fork();
	if (pid == 0) {
		gid_t out[2];
		_exit(uids_are(1000, 2000, 3000) && gids_are(10, 20, 30) &&
			      getgroups(2, out) == 2 && out[0] == 8 && out[1] == 9
			  ? 0
			  : 1);
	}
	int status;
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status), 3);
	CHECK(WEXITSTATUS(status) == 0, 4);
}

TEST(a_forked_child_has_every_id_and_the_supplementary_groups_of_its_parent)
{
	EXPECT(exited_with(in_child(fork_keeps_credentials), 0));
}

TEST(getpwnam_and_getpwuid_know_root_daemon_bin_and_nobody)
{
	static const struct {
		const char *name;
		uid_t uid;
	} users[] = { { "root", 0 }, { "daemon", 1 }, { "bin", 2 }, { "nobody", 65534 } };
	for (unsigned i = 0; i < sizeof(users) / sizeof(users[0]); i++) {
		struct passwd *pw = getpwnam(users[i].name);
		EXPECT(pw && pw->pw_uid == users[i].uid && pw->pw_gid == users[i].uid);
		EXPECT(pw && strcmp(pw->pw_dir, "/") == 0 && strcmp(pw->pw_shell, "/bin/sh") == 0);
		pw = getpwuid(users[i].uid);
		EXPECT(pw && strcmp(pw->pw_name, users[i].name) == 0);
	}
	errno = 0;
	EXPECT(getpwnam("nosuchuser") == NULL && getpwuid(12345) == NULL);
	EXPECT_EQ(errno, 0); /* not found is not an error, as with glibc */
}

TEST(getgrnam_and_getgrgid_know_root_daemon_bin_and_nogroup)
{
	struct group *gr = getgrnam("nogroup");
	EXPECT(gr && gr->gr_gid == 65534 && gr->gr_mem && gr->gr_mem[0] == NULL);
	gr = getgrgid(2);
	EXPECT(gr && strcmp(gr->gr_name, "bin") == 0);
	EXPECT(getgrgid(0) && getgrnam("daemon") && getgrnam("daemon")->gr_gid == 1);
	EXPECT(getgrnam("wheel") == NULL && getgrgid(77) == NULL);
}
