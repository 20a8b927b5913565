/* The system-call boundary: numbers, results and errnos as a process sees them. */
#include <errno.h>
#include <sched.h>
#include <string.h>
#include <unistd.h>

#include "utest.h"

#define KERNEL_TEXT 0x80200000L

TEST(unknown_syscall_number_is_enosys)
{
	EXPECT_ERRNO(syscall(999), ENOSYS);
	EXPECT_ERRNO(syscall(-1L), ENOSYS);
	EXPECT_ERRNO(syscall(63), ENOSYS); /* Linux read: not a syscall here */
}

TEST(getpid_is_positive_and_stable)
{
	pid_t pid = getpid();
	EXPECT(pid > 0);
	EXPECT_EQ(getpid(), pid);
}

TEST(sched_yield_returns_zero)
{
	EXPECT_EQ(sched_yield(), 0);
}

TEST(write_returns_the_byte_count)
{
	const char msg[] = "write test line\n";
	EXPECT_EQ(write(STDOUT_FILENO, msg, strlen(msg)), strlen(msg));
	EXPECT_EQ(write(STDERR_FILENO, msg, 0), 0);
}

TEST(write_to_a_bad_fd_is_ebadf)
{
	EXPECT_ERRNO(write(0, "x", 1), EBADF);
	EXPECT_ERRNO(write(3, "x", 1), EBADF);
	EXPECT_ERRNO(write(-1, "x", 1), EBADF);
}

TEST(write_from_null_is_efault)
{
	EXPECT_ERRNO(write(STDOUT_FILENO, NULL, 1), EFAULT);
}

TEST(write_from_kernel_memory_is_efault_and_prints_nothing)
{
	EXPECT_ERRNO(write(STDOUT_FILENO, (void *)KERNEL_TEXT, 16), EFAULT);
}

TEST(write_from_an_unmapped_address_is_efault)
{
	EXPECT_ERRNO(write(STDOUT_FILENO, (void *)0x30000000L, 8), EFAULT);
}

TEST(write_from_a_range_that_wraps_is_efault)
{
	char c = 'x';
	EXPECT_ERRNO(write(STDOUT_FILENO, &c, (size_t)-1), EFAULT);
}

TEST(a_write_of_nothing_checks_its_pointer_as_linux_does)
{
	EXPECT_EQ(write(STDOUT_FILENO, NULL, 0), 0);                 /* NULL is a user address */
	EXPECT_EQ(write(STDOUT_FILENO, (void *)0x80000000UL, 0), 0); /* the user half's end */
	EXPECT_ERRNO(write(STDOUT_FILENO, (void *)-4096L, 0), EFAULT);
	EXPECT_ERRNO(write(STDOUT_FILENO, (void *)0x80000001UL, 0), EFAULT);
	EXPECT_ERRNO(write(STDOUT_FILENO, (void *)(1UL << 39), 0), EFAULT);
	EXPECT_ERRNO(write(3, (void *)-4096L, 0), EBADF); /* the fd is checked first */
}

TEST(a_write_of_more_than_4096_bytes_writes_the_first_4096)
{
	static char spaces[10000];
	memset(spaces, ' ', sizeof(spaces));
	EXPECT_EQ(write(STDERR_FILENO, spaces, sizeof(spaces)), 4096);
	EXPECT_EQ(write(STDERR_FILENO, "\n", 1), 1);
}
