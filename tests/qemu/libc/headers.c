/* The headers textbooks include: limits, inttypes, mode bits, open flags, IPC constants and
 * sysconf, with Linux's values. */
#define _GNU_SOURCE /* IPC_INFO */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "expect_str.h"
#include "utest.h"

#define TYPE_IS(e, type) _Generic((e), type : 1, default : 0)

TEST(limits_h_gives_the_lp64_limits_with_their_types)
{
	EXPECT_EQ(CHAR_BIT, 8);
	EXPECT(SCHAR_MIN == -128 && SCHAR_MAX == 127 && UCHAR_MAX == 255);
	EXPECT(CHAR_MIN == -128 && CHAR_MAX == 127); /* programs are built with -fsigned-char */
	EXPECT(SHRT_MIN == -32768 && SHRT_MAX == 32767 && USHRT_MAX == 65535);
	EXPECT(INT_MAX == 2147483647 && INT_MIN == -INT_MAX - 1);
	EXPECT(UINT_MAX == 4294967295u && TYPE_IS(UINT_MAX, unsigned));
	EXPECT(LONG_MAX == 9223372036854775807L && TYPE_IS(LONG_MIN, long));
	EXPECT(ULONG_MAX == 18446744073709551615ul && TYPE_IS(ULONG_MAX, unsigned long));
	EXPECT(LLONG_MIN < 0 && TYPE_IS(ULLONG_MAX, unsigned long long));
	EXPECT(TYPE_IS(UCHAR_MAX, int) && TYPE_IS(USHRT_MAX, int));
	EXPECT_EQ(SSIZE_MAX, LONG_MAX);
	EXPECT_EQ(PATH_MAX, 4096);
}

TEST(inttypes_macros_print_the_stdint_types)
{
	char buf[96];
	snprintf(buf, sizeof(buf),
		 "%" PRId64 " %" PRIu64 " %" PRIx64 " %" PRIuPTR " %" PRId32 " %" PRIX8, INT64_MIN,
		 UINT64_MAX, (uint64_t)0xabc, (uintptr_t)42, INT32_MIN, (uint8_t)0xfe);
	EXPECT_STR(buf, "-9223372036854775808 18446744073709551615 abc 42 -2147483648 FE");
	int64_t v = 0;
	EXPECT_EQ(sscanf("-77", "%" SCNd64, &v), 1);
	EXPECT_EQ(v, -77);
}

TEST(sys_stat_mode_bits_have_linux_values)
{
	EXPECT_EQ(S_IRUSR | S_IWUSR, 0600);
	EXPECT_EQ(S_IRWXU, 0700);
	EXPECT_EQ(S_IRGRP | S_IWGRP | S_IXGRP, S_IRWXG);
	EXPECT_EQ(S_IRWXG, 0070);
	EXPECT_EQ(S_IROTH | S_IWOTH | S_IXOTH, S_IRWXO);
	EXPECT_EQ(S_IRWXO, 0007);
}

TEST(shm_r_shm_w_and_ipc_nowait_have_linux_values)
{
	EXPECT_EQ(SHM_R, 0400);
	EXPECT_EQ(SHM_W, 0200);
	EXPECT_EQ(IPC_NOWAIT, 04000);
}

TEST(fcntl_flags_have_linux_values)
{
	EXPECT(O_RDONLY == 0 && O_WRONLY == 1 && O_RDWR == 2);
	EXPECT(O_CREAT == 0100 && O_EXCL == 0200 && O_TRUNC == 01000);
}

TEST(shmget_takes_mode_bits_from_sys_stat)
{
	int id = EXPECT_OK(shmget(IPC_PRIVATE, 100, IPC_CREAT | S_IRUSR | S_IWUSR | S_IRGRP));
	struct shmid_ds ds;
	EXPECT_OK(shmctl(id, IPC_STAT, &ds));
	EXPECT_EQ(ds.shm_perm.mode & 0777, 0640);
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
	id = EXPECT_OK(shmget(IPC_PRIVATE, 100, IPC_CREAT | SHM_R | SHM_W));
	EXPECT_OK(shmctl(id, IPC_STAT, &ds));
	EXPECT_EQ(ds.shm_perm.mode & 0777, 0600);
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
}

TEST(sysconf_pagesize_is_the_page_size)
{
	EXPECT_EQ(sysconf(_SC_PAGESIZE), 4096);
	EXPECT_EQ(sysconf(_SC_PAGE_SIZE), 4096);
	EXPECT_EQ(getpagesize(), 4096);
	EXPECT_EQ(getpagesize(), SHMLBA);
}

TEST(sysconf_of_an_unknown_name_is_einval)
{
	EXPECT_ERRNO(sysconf(-1), EINVAL);
	EXPECT_ERRNO(sysconf(9999), EINVAL);
}

TEST(sys_types_h_has_lp64_linuxs_types)
{
	EXPECT(TYPE_IS((off_t)0, long) && TYPE_IS((ssize_t)0, long));
	EXPECT(TYPE_IS((time_t)0, long) && TYPE_IS((clock_t)0, long));
	EXPECT(TYPE_IS((suseconds_t)0, long) && TYPE_IS((useconds_t)0, unsigned));
	EXPECT(TYPE_IS((pid_t)0, int) && TYPE_IS((key_t)0, int) && TYPE_IS((clockid_t)0, int));
	EXPECT(TYPE_IS((uid_t)0, unsigned) && TYPE_IS((gid_t)0, unsigned));
	EXPECT(TYPE_IS((mode_t)0, unsigned));
}

TEST(sysconf_gives_one_processor_a_100_hz_clock_tick_and_three_descriptors)
{
	EXPECT_EQ(sysconf(_SC_NPROCESSORS_ONLN), 1);
	EXPECT_EQ(sysconf(_SC_NPROCESSORS_CONF), 1);
	EXPECT_EQ(sysconf(_SC_CLK_TCK), 100);
	EXPECT_EQ(sysconf(_SC_OPEN_MAX), 3);
	EXPECT(_SC_CLK_TCK == 2 && _SC_OPEN_MAX == 4);
	EXPECT(_SC_NPROCESSORS_CONF == 83 && _SC_NPROCESSORS_ONLN == 84);
}

TEST(wait_macros_read_linuxs_status_encoding)
{
	int exited = 3 << 8, killed = 6 | 0x80, stopped = 19 << 8 | 0x7f, continued = 0xffff;
	EXPECT(WIFEXITED(exited) && WEXITSTATUS(exited) == 3 && !WIFSIGNALED(exited));
	EXPECT(WIFSIGNALED(killed) && WTERMSIG(killed) == 6 && WCOREDUMP(killed));
	EXPECT(!WIFEXITED(killed) && !WIFSTOPPED(killed));
	EXPECT(WIFSTOPPED(stopped) && WSTOPSIG(stopped) == 19);
	EXPECT(!WIFSIGNALED(stopped) && !WIFEXITED(stopped));
	EXPECT(WIFCONTINUED(continued) && !WIFCONTINUED(exited) && !WCOREDUMP(exited));
	EXPECT(WNOHANG == 1 && WUNTRACED == 2 && WCONTINUED == 8);
	int reads = 0;
	EXPECT(WIFSIGNALED((reads++, killed)) && !WIFSTOPPED((reads++, killed)));
	EXPECT_EQ(reads, 2); /* each macro reads its argument once: it may be a call */
}

TEST(shmctl_info_commands_have_linux_values)
{
	EXPECT_EQ(IPC_INFO, 3);
	EXPECT_EQ(SHM_LOCK, 11);
	EXPECT_EQ(SHM_UNLOCK, 12);
	EXPECT_EQ(SHM_STAT, 13);
	EXPECT_EQ(SHM_INFO, 14);
}

TEST(shminfo_and_shm_info_are_laid_out_as_riscv64_linux_copies_them)
{
	EXPECT_EQ(sizeof(struct shminfo), 72);
	EXPECT_EQ(offsetof(struct shminfo, shmmni), 16);
	EXPECT_EQ(offsetof(struct shminfo, shmall), 32);
	EXPECT_EQ(sizeof(struct shm_info), 48);
	EXPECT_EQ(offsetof(struct shm_info, shm_tot), 8);
	EXPECT_EQ(offsetof(struct shm_info, swap_successes), 40);
}

TEST(ipc_perm_and_shmid_ds_are_laid_out_as_glibcs_for_riscv64)
{
	EXPECT_EQ(sizeof(struct ipc_perm), 48);
	EXPECT_EQ(offsetof(struct ipc_perm, __key), 0);
	EXPECT_EQ(offsetof(struct ipc_perm, uid), 4);
	EXPECT_EQ(offsetof(struct ipc_perm, gid), 8);
	EXPECT_EQ(offsetof(struct ipc_perm, cuid), 12);
	EXPECT_EQ(offsetof(struct ipc_perm, cgid), 16);
	EXPECT_EQ(offsetof(struct ipc_perm, mode), 20);
	EXPECT_EQ(sizeof(((struct ipc_perm *)0)->mode), 4);
	EXPECT_EQ(offsetof(struct ipc_perm, __seq), 24);
	EXPECT_EQ(offsetof(struct ipc_perm, __pad2), 26);
	EXPECT_EQ(offsetof(struct ipc_perm, __glibc_reserved1), 32);
	EXPECT_EQ(offsetof(struct ipc_perm, __glibc_reserved2), 40);
	EXPECT_EQ(sizeof(struct shmid_ds), 112);
	EXPECT_EQ(offsetof(struct shmid_ds, shm_segsz), 48);
	EXPECT_EQ(offsetof(struct shmid_ds, shm_atime), 56);
	EXPECT_EQ(offsetof(struct shmid_ds, shm_dtime), 64);
	EXPECT_EQ(offsetof(struct shmid_ds, shm_ctime), 72);
	EXPECT_EQ(offsetof(struct shmid_ds, shm_cpid), 80);
	EXPECT_EQ(offsetof(struct shmid_ds, shm_lpid), 84);
	EXPECT_EQ(offsetof(struct shmid_ds, shm_nattch), 88);
	EXPECT_EQ(offsetof(struct shmid_ds, __glibc_reserved5), 96);
	EXPECT_EQ(offsetof(struct shmid_ds, __glibc_reserved6), 104);
}
