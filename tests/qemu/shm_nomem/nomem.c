/* Out of physical pages (32 MiB, eager backing): ENOMEM, and no page is ever lost. */
#include <errno.h>
#include <string.h>
#include <sys/shm.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

#define BIGSEG (256 * PG) /* 1 MiB: a quarter of the largest segment */

TEST(shmget_without_the_pages_for_it_is_enomem_and_loses_no_page)
{
	unsigned long boot = free_pages();
	int ids[64];
	int n = 0;
	while (n < 64 && (ids[n] = shmget(IPC_PRIVATE, BIGSEG, 0600)) >= 0)
		n++;
	EXPECT(n > 0 && n < 64); /* memory ran out before the region table did */
	EXPECT_EQ(errno, ENOMEM);

	unsigned long left = free_pages();
	EXPECT(left < 256 + 16);
	EXPECT_ERRNO(shmget(IPC_PRIVATE, BIGSEG, 0600), ENOMEM);
	EXPECT_ERRNO(shmget((key_t)0x9001, BIGSEG, IPC_CREAT | 0600), ENOMEM);
	EXPECT_EQ(free_pages(), left); /* the failures took nothing */
	EXPECT_ERRNO(shmget((key_t)0x9001, 0, 0), ENOENT);

	/* What is left can still be had. */
	if (left >= 4) {
		int small = EXPECT_OK(shmget(IPC_PRIVATE, left / 2 * PG, 0600));
		if (small >= 0)
			EXPECT_OK(shmctl(small, IPC_RMID, NULL));
		EXPECT_EQ(free_pages(), left);
	}

	/* Freeing one full segment makes room for exactly one more. */
	if (n > 0) {
		EXPECT_OK(shmctl(ids[--n], IPC_RMID, NULL));
		ids[n] = EXPECT_OK(shmget(IPC_PRIVATE, BIGSEG, 0600));
		if (ids[n] >= 0)
			n++;
		EXPECT_ERRNO(shmget(IPC_PRIVATE, BIGSEG, 0600), ENOMEM);
	}
	while (n > 0)
		EXPECT_OK(shmctl(ids[--n], IPC_RMID, NULL));
	EXPECT_EQ(free_pages(), boot);
}

TEST(a_segment_made_from_the_last_free_pages_is_zero_and_usable)
{
	int ids[64];
	int n = 0;
	while (n < 64 && (ids[n] = shmget(IPC_PRIVATE, BIGSEG, 0600)) >= 0)
		n++;
	/* Take nearly all that is left, keeping a few pages for the page tables shmat needs. */
	unsigned long left = free_pages();
	EXPECT(left > 8);
	int last = left > 8 ? EXPECT_OK(shmget(IPC_PRIVATE, (left - 8) * PG, 0600)) : -1;
	if (last >= 0) {
		struct shmid_ds ds;
		EXPECT_OK(shmctl(last, IPC_STAT, &ds));
		unsigned char *p = shmat(last, NULL, 0);
		EXPECT(p != (void *)-1);
		if (p != (void *)-1) {
			unsigned long bad = 0;
			for (unsigned long i = 0; i < ds.shm_segsz; i++)
				bad += p[i] != 0;
			EXPECT_EQ(bad, 0);
			p[ds.shm_segsz - 1] = 1;
			EXPECT_OK(shmdt(p));
		}
		EXPECT_OK(shmctl(last, IPC_RMID, NULL));
	}
	while (n > 0)
		EXPECT_OK(shmctl(ids[--n], IPC_RMID, NULL));
}

TEST(shmat_without_pages_for_page_tables_is_enomem_and_loses_no_page)
{
	int ids[64];
	void *at[32];
	memset(ids, 0, sizeof(ids)); /* the stack pages, in use before we count */
	memset(at, 0, sizeof(at));
	unsigned long boot = free_pages();
	int n = 0;
	/* Take every page left: full segments, then ever smaller ones. */
	for (unsigned long pages = 256; pages > 0 && n < 64; pages /= 2)
		while (n < 64 && (ids[n] = shmget(IPC_PRIVATE, pages * PG, 0600)) >= 0)
			n++;
	EXPECT(n < 64);
	EXPECT(free_pages() < 8);
	int one = n > 0 ? ids[n - 1] : -1; /* a one-page segment */
	/* Each 2 MiB of the window needs its own page-table page: attach until none is left. */
	int natt = 0, err = 0;
	for (int i = 0; i < 32; i++) {
		unsigned long before = free_pages();
		at[natt] = shmat(one, (void *)(0x40000000UL + i * 0x200000UL), 0);
		if (at[natt] != (void *)-1) {
			natt++;
			continue;
		}
		err = errno;
		EXPECT_EQ(free_pages(), before);
		break;
	}
	EXPECT_EQ(err, ENOMEM);
	struct shmid_ds ds;
	EXPECT_OK(shmctl(one, IPC_STAT, &ds));
	EXPECT_EQ(ds.shm_nattch, natt);
	while (natt > 0)
		EXPECT_OK(shmdt(at[--natt]));
	while (n > 0)
		EXPECT_OK(shmctl(ids[--n], IPC_RMID, NULL));
	EXPECT_EQ(free_pages(), boot);
}

TEST(a_fork_refused_for_lack_of_memory_changes_no_attach_count_and_loses_no_page)
{
	int ids[64];
	memset(ids, 0, sizeof(ids));
	int keep = EXPECT_OK(shmget(IPC_PRIVATE, 2 * PG, 0600));
	void *a = shmat(keep, NULL, 0), *b = shmat(keep, NULL, SHM_RDONLY);
	EXPECT(a != (void *)-1 && b != (void *)-1);
	unsigned long boot = free_pages();
	int n = 0;
	for (unsigned long pages = 256; pages > 0 && n < 64; pages /= 2)
		while (n < 64 && (ids[n] = shmget(IPC_PRIVATE, pages * PG, 0600)) >= 0)
			n++;
	unsigned long left = free_pages();
	EXPECT(left < 8);
	errno = 0;
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	EXPECT_EQ(pid, -1);
	EXPECT_EQ(errno, ENOMEM);
	if (pid > 0)
		waitpid(pid, NULL, 0);
	struct shmid_ds ds;
	EXPECT_OK(shmctl(keep, IPC_STAT, &ds));
	EXPECT_EQ(ds.shm_nattch, 2);
	EXPECT_EQ(free_pages(), left);
	while (n > 0)
		EXPECT_OK(shmctl(ids[--n], IPC_RMID, NULL));
	EXPECT_EQ(free_pages(), boot);
	shmdt(a), shmdt(b);
	EXPECT_OK(shmctl(keep, IPC_RMID, NULL));
}
