/*
 * The picture that shows what shared memory is: two processes, two virtual addresses, one
 * physical frame. Attachments change only under g_shminfo.lock, and a process with an
 * attachment still has its page table (exit detaches first), so holding that lock is enough
 * to read other processes' attachments and page tables here.
 */
#include "shm_picture.h"

#include "kernel.h"
#include "mm/vmprint.h"
#include "task.h"

#define MAX_COLUMNS 2 /* processes side by side: keeps the picture within 100 columns */
#define MAX_ROWS 4    /* frames shown before "..." */

struct column {
	const struct task_group_s *task;
	const struct shm_attach_s *attach;
};

/* Up to MAX_COLUMNS attachments of r, from any process. Returns how many there are in all. */
static int find_columns(const struct shm_region_s *r, struct column *cols, int *ncols)
{
	int total = 0;
	*ncols = 0;
	for (int i = 0; i < CONFIG_NPROC; i++) {
		const struct task_group_s *t = &groups[i];
		for (int k = 0; k < SHM_MAX_ATTACH; k++) {
			const struct shm_attach_s *a = &t->shm.attach[k];
			if (a->va == 0 || a->region != r)
				continue;
			if (*ncols < MAX_COLUMNS)
				cols[(*ncols)++] = (struct column){ t, a };
			total++;
		}
	}
	return total;
}

/* One row: frame i of r (a huge page's first, for a huge segment) and each column's virtual
 * address for it, with its PTE bits. */
static void print_row(const struct shm_region_s *r, size_t i, const struct column *cols, int ncols)
{
	char line[160];
	int n = 0;
	if (r->frames[i])
		n += kformat(line + n, sizeof(line) - n, "    0x%08lx", r->frames[i]);
	else
		n += kformat(line + n, sizeof(line) - n, "    (no frame)");
	for (int c = 0; c < ncols; c++) {
		uintptr_t va = cols[c].attach->va + i * shm_frame_size(r);
		pte_t pte = vm_lookup(cols[c].task->addrenv.pagetable, va);
		char bits[PTE_BITS_LEN];
		pte_bits(pte, bits);
		n += kformat(line + n, sizeof(line) - n, " <- 0x%08lx %-*s", va, PTE_BITS_LEN - 1,
			     pte ? bits : "(not yet)");
	}
	while (n > 0 && line[n - 1] == ' ')
		line[--n] = '\0'; /* columns padded for the next one, not for the end */
	kprintf("%s\n", line);
}

/* Say why one frame has several addresses, when the picture shows it. */
static void explain_addresses(const struct column *cols, int ncols)
{
	if (ncols < 2 || cols[0].attach->va == cols[1].attach->va)
		return;
	if (cols[0].task != cols[1].task)
		kprintf("  Same frames, different addresses: each process reaches them through its "
			"own page table.\n");
	else
		kprintf("  Same frames, two addresses in one process: two PTEs of its page table "
			"point at each.\n");
}

void shm_picture(const struct shm_region_s *r)
{
	struct column cols[MAX_COLUMNS];
	int ncols, total = find_columns(r, cols, &ncols);
	if (!kernel_verbose || ncols == 0)
		return;
	kprintf("  shmid %d has %d attachment%s. Its %s, and the addresses that reach them:\n",
		r->id, total, plural(total),
		r->level == HUGE_LEVEL ? "huge pages of 2 MiB" : "frames");
	char head[160];
	int n = kformat(head, sizeof(head), "    frame (pa)");
	for (int c = 0; c < ncols; c++) {
		char who[24];
		kformat(who, sizeof(who), "pid %d %s", cols[c].task->pid, cols[c].task->name);
		/* as wide as a row's " <- va bits", but with nothing after the last column */
		n += kformat(head + n, sizeof(head) - n, c + 1 < ncols ? "    %-26s" : "    %s",
			     who);
	}
	kprintf("%s\n", head);
	size_t rows = shm_nslots(r);
	for (size_t i = 0; i < rows && i < MAX_ROWS; i++)
		print_row(r, i, cols, ncols);
	if (rows > MAX_ROWS)
		kprintf("    ... and %zu more %spage%s\n", rows - MAX_ROWS,
			r->level == HUGE_LEVEL ? "huge " : "", plural(rows - MAX_ROWS));
	explain_addresses(cols, ncols);
	for (int c = 0; c < ncols; c++)
		vm_print_walk(cols[c].task->addrenv.pagetable, cols[c].attach->va,
			      cols[c].task->pid, cols[c].task->name);
	narrate_pause();
}
