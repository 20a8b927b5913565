/* Exercise (a), SHM_EXEC: the tests docs/exercises.md asks a solution to pass. Code runs only
 * in children, so that a kernel that maps it wrongly kills a child, not the tests after it. */
#include <signal.h>
#include <stdint.h>
#include <sys/shm.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

/* Until include/sys/shm.h has SHM_EXEC every test fails, saying so; Linux's value lets the
 * tests compile meanwhile. */
#ifdef SHM_EXEC
#define SHM_EXEC_DEFINED 1
#else
#define SHM_EXEC_DEFINED 0
#define SHM_EXEC 0100000
#endif
#define HAS_SHM_EXEC()                                                                             \
	(utest_check(SHM_EXEC_DEFINED, "SHM_EXEC is defined in include/sys/shm.h", __FILE__,       \
		     __LINE__),                                                                    \
	 SHM_EXEC_DEFINED)

#define USER_UID 1000 /* a user with no privilege, as in tests/qemu/shm_perm */
#define USER_GID 100
#define LI_A0_42 0x02a00513U /* addi a0, zero, 42 */
#define RET 0x00008067U      /* jalr zero, 0(ra) */

static void *target;

/* Make code written through a data mapping visible to this hart's instruction fetch. */
static void fence_i(void)
{
	__asm__ volatile("fence.i" ::: "memory");
}

/* In a child: exit with what the code at target returns. */
static void call_target(void)
{
	fence_i();
	_exit(((int (*)(void))target)());
}

/* In a child: store to target. */
static void store_target(void)
{
	*(volatile uint32_t *)target = RET;
}

/* In a child: attach segment (long)target with SHM_EXEC | SHM_RDONLY and call its first word. */
static void attach_and_call(void)
{
	target = shmat((int)(long)target, NULL, SHM_EXEC | SHM_RDONLY);
	if (target == FAILED)
		_exit(100);
	call_target();
}

/* Run fn in a child as USER_UID; its wait status. The child exits 0 unless one of its checks
 * failed (which it reports, as any test does). */
static int as_user(void (*fn)(void))
{
	pid_t pid = fork();
	if (pid == 0) {
		setgid(USER_GID);
		setuid(USER_UID);
		fn();
		_exit(utest_failed());
	}
	return reap(pid);
}

/* A segment of one page holding li a0, 42; ret, or -1. */
static int segment_returning_42(int mode)
{
	int id = EXPECT_OK(shmget(IPC_PRIVATE, PG, mode));
	uint32_t *w = shmat(id, NULL, 0);
	EXPECT(w != FAILED);
	if (w != FAILED) {
		w[0] = LI_A0_42;
		w[1] = RET;
	}
	dt(w);
	return id;
}

TEST(shmat_with_shm_exec_maps_executable_pages)
{
	if (!HAS_SHM_EXEC())
		return;
	int id = segment_returning_42(0700);
	target = (void *)(long)id;
	int status = in_child(attach_and_call);
	EXPECT_EQ(signal_of(status), 0);
	EXPECT(exited_with(status, 42));
	rm(id);
}

static int user_segment_id;

/* As a user with no right to the segment: SHM_EXEC alone is refused for the flags, before
 * the segment is looked at (docs/shmat-path.md, 6.2 before 6.4). */
static void exec_without_rdonly_is_einval_before_eacces(void)
{
	EXPECT_ERRNO(shmat(user_segment_id, NULL, SHM_EXEC), EINVAL);
}

TEST(shmat_with_shm_exec_but_not_shm_rdonly_is_einval)
{
	if (!HAS_SHM_EXEC())
		return;
	int id = EXPECT_OK(shmget(IPC_PRIVATE, PG, 0700));
	EXPECT_ERRNO(shmat(id, NULL, SHM_EXEC), EINVAL);
	EXPECT_ERRNO(shmat(id, (void *)0x40000000, SHM_EXEC | SHM_REMAP), EINVAL);
	EXPECT_ERRNO(shmat(-1, NULL, SHM_EXEC), EINVAL);
	user_segment_id = id;
	EXPECT(exited_with(as_user(exec_without_rdonly_is_einval_before_eacces), 0));
	rm(id);
}

static int readable_id, executable_id;

/* As a user: read permission alone does not give SHM_EXEC; read and execute do. */
static void exec_needs_execute_permission(void)
{
	EXPECT_ERRNO(shmat(readable_id, NULL, SHM_EXEC | SHM_RDONLY), EACCES);
	dt((void *)EXPECT_OK(shmat(readable_id, NULL, SHM_RDONLY)));
	dt((void *)EXPECT_OK(shmat(executable_id, NULL, SHM_EXEC | SHM_RDONLY)));
}

TEST(shmat_with_shm_exec_without_execute_permission_is_eacces)
{
	if (!HAS_SHM_EXEC())
		return;
	readable_id = EXPECT_OK(shmget(IPC_PRIVATE, PG, 0644));
	executable_id = EXPECT_OK(shmget(IPC_PRIVATE, PG, 0655));
	EXPECT(exited_with(as_user(exec_needs_execute_permission), 0));
	EXPECT_EQ(stat_of(readable_id).shm_nattch, 0);
	rm(readable_id);
	rm(executable_id);
}

TEST(a_store_through_an_exec_attachment_is_sigsegv)
{
	if (!HAS_SHM_EXEC())
		return;
	int id = segment_returning_42(0700);
	target = shmat(id, NULL, SHM_EXEC | SHM_RDONLY);
	EXPECT(target != FAILED);
	if (target != FAILED) {
		EXPECT_EQ(signal_of(in_child(store_target)), SIGSEGV);
		EXPECT_EQ(((uint32_t *)target)[0], LI_A0_42);
	}
	dt(target);
	rm(id);
}

TEST(an_exec_attachment_inherited_by_fork_stays_executable)
{
	if (!HAS_SHM_EXEC())
		return;
	int id = segment_returning_42(0700);
	target = shmat(id, NULL, SHM_EXEC | SHM_RDONLY);
	EXPECT(target != FAILED);
	if (target != FAILED) {
		int status = in_child(call_target);
		EXPECT_EQ(signal_of(status), 0);
		EXPECT(exited_with(status, 42));
		EXPECT_EQ(signal_of(in_child(store_target)), SIGSEGV);
	}
	dt(target);
	rm(id);
}

TEST(running_a_never_written_exec_page_is_sigill)
{
	if (!HAS_SHM_EXEC())
		return;
	int id = EXPECT_OK(shmget(IPC_PRIVATE, 2 * PG, 0700));
	target = shmat(id, NULL, SHM_EXEC | SHM_RDONLY);
	EXPECT(target != FAILED);
	if (target != FAILED) {
		target = (char *)target + PG; /* the second page: no one has touched it */
		EXPECT_EQ(signal_of(in_child(call_target)), SIGILL);
		dt((char *)target - PG);
	}
	rm(id);
}

static int counted_id;

/* As a user with read permission only: SHM_EXEC is refused. */
static void exec_refused_for_permission(void)
{
	EXPECT_ERRNO(shmat(counted_id, NULL, SHM_EXEC | SHM_RDONLY), EACCES);
}

TEST(shmat_failure_with_shm_exec_changes_no_attach_count)
{
	if (!HAS_SHM_EXEC())
		return;
	counted_id = EXPECT_OK(shmget(IPC_PRIVATE, PG, 0644));
	void *p = shmat(counted_id, NULL, 0);
	EXPECT(p != FAILED);
	EXPECT_ERRNO(shmat(counted_id, NULL, SHM_EXEC), EINVAL);
	EXPECT_ERRNO(shmat(counted_id, (void *)0x40000001, SHM_EXEC | SHM_RDONLY), EINVAL);
	EXPECT_ERRNO(shmat(counted_id, p, SHM_EXEC | SHM_RDONLY), EINVAL); /* overlaps p */
	EXPECT(exited_with(as_user(exec_refused_for_permission), 0));
	EXPECT_EQ(stat_of(counted_id).shm_nattch, 1);
	dt(p);
	EXPECT_EQ(stat_of(counted_id).shm_nattch, 0);
	rm(counted_id);
}
