/* How costs grow: with pages attached (1 to 4096), with processes attached to one segment
 * (2 to 32), and a 256 MiB segment shared by two processes, made of 4 KiB pages and of 2 MiB
 * huge pages (SHM_HUGETLB); and, eager only, what each huge page adds to shmat and shmdt.
 * Built with a large window
 * (CONFIG_ARCH_SHM_NPAGES=65536, CONFIG_ARCH_SHM_MAXREGIONS=4, CONFIG_NPROC=40) and booted
 * with MEM=1G by scripts/bench.sh, in an eager and in a lazy kernel. */
#include <sched.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

#define PG 4096L
#define HPG (2L << 20)

/* Instructions for shmat and then shmdt of a segment of pages pages (warm tables). */
static void attach_costs(long pages, uint64_t *at, uint64_t *dt)
{
	int id = shmget(IPC_PRIVATE, (size_t)(pages * PG), 0600);
	*at = *dt = UINT64_MAX;
	for (int i = 0; i < 3; i++) {
		uint64_t t0 = instret();
		void *p = shmat(id, NULL, 0);
		uint64_t a = instret() - t0;
		t0 = instret();
		shmdt(p);
		uint64_t d = instret() - t0;
		*at = a < *at ? a : *at;
		*dt = d < *dt ? d : *dt;
	}
	shmctl(id, IPC_RMID, NULL);
}

static void by_pages(void)
{
	static const long sizes[] = { 1, 16, 256, 4096 };
	for (int i = 0; i < 4; i++) {
		uint64_t at, dt;
		attach_costs(sizes[i], &at, &dt);
		printf("bench: scale_shmat_%ld_pages %lu instructions\n", sizes[i],
		       (unsigned long)at);
		printf("bench: scale_shmdt_%ld_pages %lu instructions\n", sizes[i],
		       (unsigned long)dt);
	}
}

/* Keep n - 1 children attached to segment id (inherited), asleep until told to go. */
static void hold_attachers(int n, volatile int *go)
{
	for (int i = 1; i < n; i++)
		if (fork() == 0) {
			while (!*go)
				usleep(1000);
			_exit(0);
		}
}

/* With n processes attached to one 64-page segment: the cost of one more shmat, and of
 * a fault onto a frame another process made (lazy) or a touch (eager). */
static void by_attachers(int n)
{
	enum { PAGES = 64 };
	int id = shmget(IPC_PRIVATE, PAGES * PG, 0600);
	volatile char *mine = shmat(id, NULL, 0);
	for (int i = 0; i < PAGES; i++)
		mine[i * PG] = 1; /* every frame exists */
	int ctl = shmget(IPC_PRIVATE, PG, 0600);
	volatile int *go = shmat(ctl, NULL, 0);
	*go = 0;
	hold_attachers(n, go);
	uint64_t t0 = instret();
	volatile char *again = shmat(id, NULL, 0);
	uint64_t at = instret() - t0;
	t0 = instret();
	for (int i = 0; i < PAGES; i++)
		(void)again[i * PG];
	uint64_t touch = (instret() - t0) / PAGES;
	*go = 1;
	while (wait(NULL) > 0)
		;
	shmdt((void *)again);
	shmdt((void *)mine);
	shmdt((void *)go);
	shmctl(id, IPC_RMID, NULL);
	shmctl(ctl, IPC_RMID, NULL);
	printf("bench: scale_shmat_64_pages_%d_attached %lu instructions\n", n, (unsigned long)at);
	printf("bench: scale_%s_%d_attached %lu instructions\n", RVSHM_LAZY ? "fault" : "touch", n,
	       (unsigned long)touch);
}

/* A 256 MiB segment, of 4 KiB pages or (with SHM_HUGETLB in flags) of 2 MiB huge pages:
 * created, attached by two processes, every page written by one and read back by the other,
 * detached. Reports the instructions of each step, as scale_NAME_.... */
static void big_segment(const char *name, int flags)
{
	const long pages = 65536;
	char figure[64];
	uint64_t t0 = instret();
	int id = shmget(IPC_PRIVATE, (size_t)(pages * PG), flags | 0600);
	uint64_t get = instret() - t0;
	if (id < 0) {
		printf("bench: scale_%s FAILED (shmget)\n", name);
		return;
	}
	t0 = instret();
	volatile char *p = shmat(id, NULL, 0);
	uint64_t at = instret() - t0;
	t0 = instret();
	pid_t pid = fork();
	if (pid == 0) { /* the second process, attached by inheritance */
		for (long i = 0; i < pages; i++)
			p[i * PG] = (char)i;
		_exit(0);
	}
	int status;
	waitpid(pid, &status, 0);
	long wrong = 0;
	for (long i = 0; i < pages; i++)
		wrong += p[i * PG] != (char)i;
	uint64_t share = instret() - t0;
	t0 = instret();
	shmdt((void *)p);
	uint64_t dt = instret() - t0;
	shmctl(id, IPC_RMID, NULL);
	static const char *const steps[] = { "shmget", "shmat", "write_and_read_all", "shmdt" };
	uint64_t costs[] = { get, at, share, dt };
	for (int i = 0; i < 4; i++) {
		snprintf(figure, sizeof(figure), "scale_%s_%s", name, steps[i]);
		report(figure, costs[i], "instructions");
	}
	printf("bench: scale_%s_ok %d bool\n", name, wrong == 0 && WIFEXITED(status));
}

/* What each huge page adds to shmat and to shmdt: the slope from 1 to 128 huge pages (2 to
 * 256 MiB), each the cheapest of three (warm tables). */
static void huge_page_figures(void)
{
	static const long sizes[] = { 1, 128 };
	uint64_t at[2], dt[2];
	for (int i = 0; i < 2; i++) {
		int id = shmget(IPC_PRIVATE, (size_t)(sizes[i] * HPG), SHM_HUGETLB | 0600);
		at[i] = dt[i] = UINT64_MAX;
		for (int k = 0; k < 3; k++) {
			uint64_t t0 = instret();
			void *p = shmat(id, NULL, 0);
			uint64_t a = instret() - t0;
			t0 = instret();
			shmdt(p);
			uint64_t d = instret() - t0;
			at[i] = a < at[i] ? a : at[i];
			dt[i] = d < dt[i] ? d : dt[i];
		}
		shmctl(id, IPC_RMID, NULL);
	}
	report("shmat_huge_page", (at[1] - at[0]) / 127, "instructions");
	report("shmdt_huge_page", (dt[1] - dt[0]) / 127, "instructions");
}

int main(void)
{
	by_pages();
	by_attachers(2);
	by_attachers(8);
	by_attachers(32);
	big_segment("256mib", 0);
	big_segment("huge_256mib", SHM_HUGETLB);
	if (!RVSHM_LAZY) /* a lazy shmat maps nothing */
		huge_page_figures();
	return 0;
}
