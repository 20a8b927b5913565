/* mprotect, page by page, on shared-memory attachments and on private memory (heap, .bss, the
 * stack, the program's text): a write to a read-only page and any touch of a PROT_NONE page
 * kill with SIGSEGV, the kernel's own copies are refused with EFAULT, a page not backed yet is
 * backed first, no page is ever writable and executable, a child inherits the permissions, and
 * shmdt gives back every page of an attachment whatever its permissions. A touch that should
 * kill is made in a child. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

/* How a child that reads (or writes) the byte at p ends: 0 if it exited, else its signal. */
static int touch_in_child(volatile char *p, int write)
{
	pid_t pid = fork();
	if (pid == 0) {
		if (write)
			*p = 1;
		else
			(void)*p;
		_exit(0);
	}
	return signal_of(reap(pid));
}

#define READ_ENDS(p) touch_in_child((volatile char *)(p), 0)
#define WRITE_ENDS(p) touch_in_child((volatile char *)(p), 1)

/* A segment of n pages attached read-write, or FAILED; its id in *id. */
static char *attached(int n, int *id)
{
	*id = seg(IPC_PRIVATE, n * PG);
	return shmat(*id, NULL, 0);
}

TEST(a_write_to_a_shared_page_made_read_only_kills_with_sigsegv_and_a_read_passes)
{
	int id;
	char *p = attached(2, &id);
	p[0] = 'a';
	EXPECT_OK(mprotect(p, PG, PROT_READ));
	EXPECT_EQ(WRITE_ENDS(p), SIGSEGV);
	EXPECT_EQ(READ_ENDS(p), 0);
	EXPECT_EQ(WRITE_ENDS(p + PG), 0); /* page granular: the next page is still writable */
	EXPECT_EQ(p[0], 'a');
	EXPECT_OK(mprotect(p, PG, PROT_READ | PROT_WRITE));
	EXPECT_EQ(WRITE_ENDS(p), 0);
	EXPECT_EQ(p[0], 1); /* the child's store, in the frame both share */
	dt(p);
	rm(id);
}

TEST(any_touch_of_a_prot_none_page_kills_and_prot_read_brings_its_data_back)
{
	int id;
	char *p = attached(1, &id);
	strcpy(p, "kept");
	EXPECT_OK(mprotect(p, PG, PROT_NONE));
	EXPECT_EQ(READ_ENDS(p), SIGSEGV);
	EXPECT_EQ(WRITE_ENDS(p), SIGSEGV);
	EXPECT_OK(mprotect(p, PG, PROT_READ));
	EXPECT_EQ(strcmp(p, "kept"), 0);
	dt(p);
	rm(id);
}

TEST(the_kernel_refuses_to_copy_into_a_read_only_page_or_out_of_a_prot_none_one)
{
	int id;
	char *p = attached(2, &id);
	EXPECT_OK(mprotect(p, PG, PROT_READ));
	EXPECT_OK(mprotect(p + PG, PG, PROT_NONE));
	EXPECT_ERRNO(shmctl(id, IPC_STAT, (struct shmid_ds *)p), EFAULT);
	EXPECT_ERRNO(write(STDOUT_FILENO, p + PG, 1), EFAULT);
	dt(p);
	rm(id);
}

TEST(a_read_only_attachment_cannot_be_made_writable_but_may_lose_reading)
{
	int id = seg(IPC_PRIVATE, PG);
	char *p = shmat(id, NULL, SHM_RDONLY);
	EXPECT_ERRNO(mprotect(p, PG, PROT_READ | PROT_WRITE), EACCES);
	EXPECT_ERRNO(mprotect(p, PG, PROT_WRITE), EACCES);
	EXPECT_OK(mprotect(p, PG, PROT_NONE));
	EXPECT_EQ(READ_ENDS(p), SIGSEGV);
	EXPECT_OK(mprotect(p, PG, PROT_READ));
	EXPECT_EQ(READ_ENDS(p), 0);
	dt(p);
	rm(id);
}

TEST(prot_write_alone_lets_the_page_be_read_as_on_linux)
{
	int id;
	char *p = attached(1, &id);
	EXPECT_OK(mprotect(p, PG, PROT_WRITE));
	EXPECT_EQ(WRITE_ENDS(p), 0);
	EXPECT_EQ(READ_ENDS(p), 0);
	dt(p);
	rm(id);
}

TEST(shmdt_of_a_partly_protected_attachment_gives_every_page_back)
{
	int id;
	dt(attached(1, &id)); /* the first attachment makes the window's allocator, which stays */
	rm(id);
	unsigned long before = free_pages();
	char *p = attached(8, &id);
	memset(p, 1, 8 * PG); /* every frame backed, with lazy backing too */
	EXPECT_OK(mprotect(p, 2 * PG, PROT_NONE));
	EXPECT_OK(mprotect(p + 4 * PG, 3 * PG, PROT_READ));
	EXPECT_OK(shmdt(p));
	EXPECT_EQ(stat_of(id).shm_nattch, 0);
	rm(id);
	EXPECT_EQ(free_pages(), before); /* frames, page list and page tables all back */
}

/* The page aligned start of a heap block of n pages, from sbrk. */
static char *heap_pages(int n)
{
	char *p = sbrk((n + 1) * PG);
	return p == FAILED ? p : (char *)(((uintptr_t)p + PG - 1) & ~(PG - 1));
}

TEST(a_heap_page_made_read_only_kills_a_write_and_brk_gives_it_back_writable)
{
	char *p = heap_pages(2);
	char *top = sbrk(0);
	p[0] = 'h';
	EXPECT_OK(mprotect(p, PG, PROT_READ));
	EXPECT_EQ(WRITE_ENDS(p), SIGSEGV);
	EXPECT_EQ(p[0], 'h');
	EXPECT_EQ(WRITE_ENDS(p + PG), 0);
	EXPECT(sbrk(p - top) != FAILED); /* shrink the heap past the protected page */
	EXPECT(sbrk(top - p) == p);      /* and grow it again: a fresh zeroed page */
	EXPECT_EQ(p[0], 0);
	p[0] = 'w';
	EXPECT_EQ(p[0], 'w');
}

static char untouched_bss[4 * PG] __attribute__((aligned(4096)));

TEST(an_untouched_bss_page_is_backed_first_and_then_protected)
{
	unsigned long before = free_pages();
	EXPECT_OK(mprotect(untouched_bss, PG, PROT_NONE));
	EXPECT_EQ(free_pages(), before - 1); /* backed, as a first touch would have */
	EXPECT_EQ(READ_ENDS(untouched_bss), SIGSEGV);
	EXPECT_OK(mprotect(untouched_bss + PG, PG, PROT_READ));
	EXPECT_EQ(untouched_bss[PG], 0);
	EXPECT_EQ(WRITE_ENDS(untouched_bss + PG), SIGSEGV); /* not a first touch now */
	EXPECT_OK(mprotect(untouched_bss, 2 * PG, PROT_READ | PROT_WRITE));
	untouched_bss[0] = 1;
	EXPECT_EQ(untouched_bss[0], 1);
}

TEST(an_untouched_lazy_or_eager_shared_page_is_backed_first_and_then_protected)
{
	int id;
	char *p = attached(2, &id);
	EXPECT_OK(mprotect(p + PG, PG, PROT_READ)); /* never touched */
	EXPECT_EQ(p[PG], 0);
	EXPECT_EQ(WRITE_ENDS(p + PG), SIGSEGV);
	char *q = shmat(id, NULL, 0); /* a second attachment: its own permissions */
	q[PG] = 'q';
	EXPECT_EQ(p[PG], 'q');
	dt(q);
	dt(p);
	rm(id);
}

TEST(a_stack_page_not_reached_yet_is_backed_first_and_then_protected)
{
	char here;
	char *below = (char *)(((uintptr_t)&here & ~(PG - 1)) - 64 * PG); /* 256 KiB down */
	EXPECT_OK(mprotect(below, PG, PROT_READ));
	EXPECT_EQ(*below, 0);
	EXPECT_EQ(WRITE_ENDS(below), SIGSEGV);
	EXPECT_OK(mprotect(below, PG, PROT_READ | PROT_WRITE));
}

/* A function alone on its page of text, which returns 7. */
int lone_function(void);
__asm__(".text\n"
	".balign 4096\n"
	".globl lone_function\n"
	"lone_function:\n"
	"li a0, 7\n"
	"ret\n"
	".balign 4096\n");

static void call_lone_function(void)
{
	_exit(lone_function());
}

TEST(no_page_is_ever_writable_and_executable_and_none_becomes_executable)
{
	void *text = (void *)lone_function;
	int id;
	char *p = attached(1, &id);
	char *h = heap_pages(1);
	EXPECT_ERRNO(mprotect(p, PG, PROT_READ | PROT_EXEC), EACCES); /* shared: never */
	EXPECT_ERRNO(mprotect(h, PG, PROT_READ | PROT_EXEC), EACCES); /* was not executable */
	EXPECT_ERRNO(mprotect(text, PG, PROT_READ | PROT_WRITE | PROT_EXEC), EACCES);
	EXPECT_OK(mprotect(text, PG, PROT_READ | PROT_EXEC)); /* executable already: kept */
	EXPECT(exited_with(in_child(call_lone_function), 7));
	EXPECT_OK(mprotect(text, PG, PROT_READ));
	EXPECT(killed_by(in_child(call_lone_function), SIGSEGV));
	EXPECT_ERRNO(mprotect(text, PG, PROT_READ | PROT_EXEC), EACCES); /* lost for good */
	dt(p);
	rm(id);
}

static char *shared_page, *heap_page;

static void write_both(void)
{
	if (WRITE_ENDS(shared_page) != SIGSEGV || WRITE_ENDS(heap_page) != SIGSEGV)
		_exit(1);
	if (READ_ENDS(shared_page) != 0 || READ_ENDS(heap_page) != 0 ||
	    WRITE_ENDS(shared_page + PG) != 0)
		_exit(2);
}

TEST(a_forked_child_has_its_parents_page_permissions)
{
	int id;
	shared_page = attached(2, &id);
	heap_page = heap_pages(1);
	EXPECT_OK(mprotect(shared_page, PG, PROT_READ));
	EXPECT_OK(mprotect(heap_page, PG, PROT_READ));
	EXPECT(exited_with(in_child(write_both), 0));
	dt(shared_page);
	rm(id);
}

TEST(mprotect_checks_its_arguments_in_linuxs_order)
{
	int id;
	char *p = attached(2, &id);
	EXPECT_ERRNO(mprotect(p + 1, PG, PROT_READ), EINVAL);
	EXPECT_ERRNO(mprotect(p + 1, 0, PROT_READ), EINVAL);
	EXPECT_EQ(mprotect(p, 0, 0x10), 0); /* nothing to do, whatever prot says */
	EXPECT_ERRNO(mprotect(p, PG, 0x10), EINVAL);
	EXPECT_ERRNO(mprotect(p, PG, PROT_READ | PROT_GROWSDOWN | PROT_GROWSUP), EINVAL);
	EXPECT_ERRNO(mprotect(p, PG, PROT_READ | PROT_GROWSDOWN), EINVAL);
	EXPECT_ERRNO(mprotect(p, (size_t)-1, PROT_READ), ENOMEM); /* rounds up past the top */
	EXPECT_ERRNO(mprotect(p, -PG, PROT_READ), ENOMEM);        /* wraps */
	EXPECT_EQ(mprotect(p, PG, PROT_READ | PROT_WRITE | PROT_SEM), 0);
	dt(p);
	rm(id);
}

TEST(a_range_with_anything_unmapped_is_enomem_and_changes_nothing)
{
	int id;
	char *p = attached(2, &id);
	EXPECT_ERRNO(mprotect(p, 3 * PG, PROT_READ), ENOMEM); /* one page past the end */
	EXPECT_EQ(WRITE_ENDS(p), 0);                          /* the first page is as it was */
	EXPECT_ERRNO(mprotect((void *)0x1000, PG, PROT_READ), ENOMEM);
	EXPECT_ERRNO(mprotect((void *)0x7ffff000, PG, PROT_READ), ENOMEM);
	EXPECT_ERRNO(mprotect((void *)0x80200000, PG, PROT_READ), ENOMEM); /* the kernel */
	EXPECT_ERRNO(mprotect((void *)-4096L, PG, PROT_READ), ENOMEM);
	dt(p);
	EXPECT_ERRNO(mprotect(p, PG, PROT_READ), ENOMEM); /* detached */
	rm(id);
}
