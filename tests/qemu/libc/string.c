/* <string.h>, <strings.h> and <ctype.h>: tokens, spans, copies, case, and messages; and the
 * headers textbooks include: limits, inttypes, mode bits, open flags, IPC constants and
 * sysconf, with Linux's values. */
#define _GNU_SOURCE /* memrchr, IPC_INFO, cpu_set_t */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
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

TEST(strtok_splits_on_any_run_of_delimiters)
{
	char s[] = "  one,,two three,";
	EXPECT_STR(strtok(s, " ,"), "one");
	EXPECT_STR(strtok(NULL, " ,"), "two");
	EXPECT_STR(strtok(NULL, " ,"), "three");
	EXPECT(strtok(NULL, " ,") == NULL);
	EXPECT(strtok(NULL, " ,") == NULL);
	char only[] = ",,,";
	EXPECT(strtok(only, ",") == NULL);
}

TEST(strtok_r_keeps_two_strings_apart)
{
	char a[] = "a b", b[] = "1:2", *sa, *sb;
	EXPECT_STR(strtok_r(a, " ", &sa), "a");
	EXPECT_STR(strtok_r(b, ":", &sb), "1");
	EXPECT_STR(strtok_r(NULL, " ", &sa), "b");
	EXPECT_STR(strtok_r(NULL, ":", &sb), "2");
	EXPECT(strtok_r(NULL, " ", &sa) == NULL);
}

TEST(strspn_strcspn_strpbrk_measure_spans)
{
	EXPECT_EQ(strspn("aabbc", "ab"), 4);
	EXPECT_EQ(strspn("xyz", "ab"), 0);
	EXPECT_EQ(strcspn("hello, world", ", "), 5);
	EXPECT_EQ(strcspn("hello", ""), 5);
	EXPECT_STR(strpbrk("key=value", "=:"), "=value");
	EXPECT(strpbrk("abc", "xyz") == NULL);
}

TEST(strstr_and_strncat_work)
{
	EXPECT_STR(strstr("shared memory", "mem"), "memory");
	EXPECT(strstr("abc", "abd") == NULL);
	char buf[16] = "shm";
	EXPECT_STR(strncat(buf, "_server", 4), "shm_ser");
}

TEST(strcasecmp_ignores_case)
{
	EXPECT_EQ(strcasecmp("Hello", "hELLO"), 0);
	EXPECT(strcasecmp("apple", "Banana") < 0);
	EXPECT(strcasecmp("b", "A") > 0);
	EXPECT(strcasecmp("abc", "ab") > 0);
	EXPECT_EQ(strncasecmp("QUITnow", "quit", 4), 0);
	EXPECT(strncasecmp("quit", "quiz", 4) < 0);
}

TEST(strerror_has_linux_texts_for_the_new_errnos)
{
	EXPECT_EQ(EWOULDBLOCK, EAGAIN);
	EXPECT_EQ(ENOTDIR, 20);
	EXPECT_EQ(ENFILE, 23);
	EXPECT_EQ(ENOTTY, 25);
	EXPECT_EQ(EPIPE, 32);
	EXPECT_EQ(EDOM, 33);
	EXPECT_EQ(EOVERFLOW, 75);
	EXPECT_STR(strerror(EOVERFLOW), "Value too large for defined data type");
	EXPECT_STR(strerror(EPIPE), "Broken pipe");
	EXPECT_STR(strerror(EDOM), "Numerical argument out of domain");
	EXPECT_STR(strerror(ENOTTY), "Inappropriate ioctl for device");
	EXPECT_STR(strerror(ENFILE), "Too many open files in system");
	EXPECT_STR(strerror(ENOTDIR), "Not a directory");
	EXPECT_STR(strerror(9999), "Unknown error 9999");
}

TEST(errno_h_has_every_linux_errno_with_its_riscv_value)
{
	EXPECT_EQ(ENXIO, 6);
	EXPECT_EQ(ENOTBLK, 15);
	EXPECT_EQ(ERANGE, 34);
	EXPECT_EQ(EDEADLK, 35);
	EXPECT_EQ(ELOOP, 40);
	EXPECT_EQ(ENOMSG, 42);
	EXPECT_EQ(EBFONT, 59);
	EXPECT_EQ(ENOTSOCK, 88);
	EXPECT_EQ(EOPNOTSUPP, 95);
	EXPECT_EQ(ETIMEDOUT, 110);
	EXPECT_EQ(ECANCELED, 125);
	EXPECT_EQ(EHWPOISON, 133);
}

TEST(errno_aliases_name_the_same_number)
{
	EXPECT_EQ(EWOULDBLOCK, EAGAIN);
	EXPECT_EQ(EDEADLOCK, EDEADLK);
	EXPECT_EQ(ENOTSUP, EOPNOTSUPP);
}

TEST(strerror_has_glibcs_text_for_every_errno)
{
	EXPECT_STR(strerror(0), "Success");
	EXPECT_STR(strerror(ENXIO), "No such device or address");
	EXPECT_STR(strerror(EDEADLOCK), "Resource deadlock avoided");
	EXPECT_STR(strerror(ENOSYS), "Function not implemented");
	EXPECT_STR(strerror(ENOMSG), "No message of desired type");
	EXPECT_STR(strerror(ELIBSCN), ".lib section in a.out corrupted");
	EXPECT_STR(strerror(ENOTSUP), "Operation not supported");
	EXPECT_STR(strerror(ETOOMANYREFS), "Too many references: cannot splice");
	EXPECT_STR(strerror(ECANCELED), "Operation canceled");
	EXPECT_STR(strerror(ERFKILL), "Operation not possible due to RF-kill");
	EXPECT_STR(strerror(EHWPOISON), "Memory page has hardware error");
	for (int e = 1; e <= 133; e++)
		if (e != 41 && e != 58)
			EXPECT(strncmp(strerror(e), "Unknown error", 13) != 0);
}

TEST(strerror_of_a_number_linux_leaves_unused_is_unknown_error_n)
{
	EXPECT_STR(strerror(41), "Unknown error 41");
	EXPECT_STR(strerror(58), "Unknown error 58");
	EXPECT_STR(strerror(134), "Unknown error 134");
	EXPECT_STR(strerror(-1), "Unknown error -1");
}

/* The expect file checks the line. */
TEST(perror_prints_its_prefix_and_strerror_text)
{
	errno = EHWPOISON;
	perror("string: perror");
}

TEST(strsignal_describes_signals_as_glibc_does)
{
	EXPECT_STR(strsignal(SIGSEGV), "Segmentation fault");
	EXPECT_STR(strsignal(SIGKILL), "Killed");
	EXPECT_STR(strsignal(SIGCHLD), "Child exited");
	EXPECT_STR(strsignal(SIGSTKFLT), "Stack fault");
	EXPECT_STR(strsignal(SIGSTOP), "Stopped (signal)");
	EXPECT_STR(strsignal(SIGTTOU), "Stopped (tty output)");
	EXPECT_STR(strsignal(SIGSYS), "Bad system call");
	EXPECT_STR(strsignal(32), "Unknown signal 32");
	EXPECT_STR(strsignal(34), "Real-time signal 0");
	EXPECT_STR(strsignal(64), "Real-time signal 30");
	EXPECT_STR(strsignal(99), "Unknown signal 99");
}

TEST(ctype_classifies_ascii)
{
	EXPECT(isdigit('7') && !isdigit('a'));
	EXPECT(isxdigit('f') && isxdigit('F') && isxdigit('9') && !isxdigit('g'));
	EXPECT(isalpha('q') && isalpha('Q') && !isalpha('1'));
	EXPECT(isalnum('z') && isalnum('0') && !isalnum('_'));
	EXPECT(isspace(' ') && isspace('\n') && isspace('\t') && isspace('\v') && !isspace('x'));
	EXPECT(isupper('A') && !isupper('a') && islower('a') && !islower('A'));
	EXPECT(isprint(' ') && isprint('~') && !isprint('\n') && !isprint(0x7f));
	EXPECT(ispunct('!') && ispunct('_') && !ispunct(' ') && !ispunct('a'));
	EXPECT(iscntrl('\0') && iscntrl(0x7f) && !iscntrl(' '));
}

TEST(ctype_puts_eof_and_high_bytes_in_no_class)
{
	EXPECT(!isalpha(EOF) && !isspace(EOF) && !isprint(EOF) && !iscntrl(EOF));
	EXPECT(!isalpha(0xe9) && !isprint(0xe9) && !ispunct(0xe9));
	EXPECT_EQ(toupper(EOF), EOF);
}

TEST(toupper_and_tolower_change_only_letters)
{
	EXPECT_EQ(toupper('a'), 'A');
	EXPECT_EQ(toupper('Z'), 'Z');
	EXPECT_EQ(toupper('1'), '1');
	EXPECT_EQ(tolower('Q'), 'q');
	EXPECT_EQ(tolower('['), '[');
}

TEST(strndup_copies_at_most_n_characters)
{
	char *s = strndup("shared", 3);
	EXPECT_STR(s, "sha");
	free(s);
	s = strndup("shm", 10);
	EXPECT_STR(s, "shm");
	free(s);
	EXPECT_EQ(strnlen("shared", 3), 3);
	EXPECT_EQ(strnlen("shm", 10), 3);
}

TEST(strsep_makes_an_empty_token_between_two_delimiters)
{
	char line[] = "a,,b:c", *rest = line;
	EXPECT_STR(strsep(&rest, ",:"), "a");
	EXPECT_STR(strsep(&rest, ",:"), "");
	EXPECT_STR(strsep(&rest, ",:"), "b");
	EXPECT_STR(strsep(&rest, ",:"), "c");
	EXPECT(rest == NULL);
	EXPECT(strsep(&rest, ",:") == NULL);
}

TEST(memrchr_finds_the_last_such_byte)
{
	const char s[] = "a/b/c";
	EXPECT(memrchr(s, '/', 5) == s + 3);
	EXPECT(memrchr(s, '/', 3) == s + 1);
	EXPECT(memrchr(s, 'x', 5) == NULL);
	EXPECT(memrchr(s, 'a', 0) == NULL);
}

TEST(bzero_index_and_rindex_are_memset_strchr_and_strrchr)
{
	char buf[4] = "abc";
	bzero(buf, 2);
	EXPECT(buf[0] == 0 && buf[1] == 0 && buf[2] == 'c');
	EXPECT_STR(index("a.b.c", '.'), ".b.c");
	EXPECT_STR(rindex("a.b.c", '.'), ".c");
	EXPECT(index("abc", 'x') == NULL);
}

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

/* The processors are the harts the kernel runs on: those init, the kernel, may use. */
TEST(sysconf_counts_the_harts_and_gives_a_100_hz_clock_tick_and_three_descriptors)
{
	cpu_set_t all;
	EXPECT_OK(sched_getaffinity(1, sizeof(all), &all));
	EXPECT(CPU_COUNT(&all) >= 1 && CPU_COUNT(&all) <= 8);
	EXPECT_EQ(sysconf(_SC_NPROCESSORS_ONLN), CPU_COUNT(&all));
	EXPECT_EQ(sysconf(_SC_NPROCESSORS_CONF), CPU_COUNT(&all));
	EXPECT(sched_getcpu() >= 0 && CPU_ISSET(sched_getcpu(), &all));
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
