/* Host unit tests of the region table, kernel/shm/shm_region.c: ids, lookup, permissions,
 * and destroying a segment, over a malloc'd "RAM" for its pages. */
/* unit-sources: kernel/shm/shm_region.c kernel/shm/shm_initialize.c kernel/mm/pgalloc.c kernel/mm/gran.c tests/lib/utest.c */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "cred.h"
#include "memlayout.h"
#include "mm/pgalloc.h"
#include "shm/shm.h"
#include "utest.h"

jmp_buf *unit_panic_target;
char unit_panic_msg[256];
const unsigned char kernel_verbose = 0;

#define RAM_PAGES 64

/* A fresh table and page pool. */
static void reset(void)
{
	static void *ram;
	if (!ram)
		ram = aligned_alloc(PGSIZE, RAM_PAGES * PGSIZE);
	mm_pginitialize((uintptr_t)ram, (uintptr_t)ram + RAM_PAGES * PGSIZE);
	memset(&g_shminfo.region, 0, sizeof(g_shminfo.region));
}

/* Fill slot with a live segment of npages frames, as shmget does. */
static struct shm_region_s *make(int slot, size_t npages)
{
	struct shm_region_s *r = &g_shminfo.region[slot];
	r->list_pages = 1;
	r->frames = (uintptr_t *)mm_pgalloc(1);
	r->npages = npages;
	for (size_t i = 0; i < npages; i++, r->nframes++)
		r->frames[i] = mm_pgalloc(1);
	r->flags = SRFLAG_INUSE;
	r->id = shm_make_id(r);
	return r;
}

static size_t free_pages(void)
{
	struct pginfo_s info;
	mm_pginfo(&info);
	return info.nfree;
}

TEST(shm_id_names_the_slot_and_its_reuse_count)
{
	reset();
	struct shm_region_s *r = make(5, 1);
	EXPECT_EQ(r->id, 5);
	EXPECT(shm_lookup(5) == r);
	shm_destroy(r);
	r = make(5, 1);
	EXPECT_EQ(r->id, CONFIG_ARCH_SHM_MAXREGIONS + 5);
}

TEST(a_stale_id_finds_nothing_after_its_slot_is_reused)
{
	reset();
	struct shm_region_s *r = make(3, 1);
	int old = r->id;
	shm_destroy(r);
	EXPECT(shm_lookup(old) == NULL);
	r = make(3, 1);
	EXPECT(shm_lookup(old) == NULL);
	EXPECT(shm_lookup(r->id) == r);
	EXPECT(r->id != old);
}

TEST(lookup_of_negative_free_and_foreign_ids_finds_nothing)
{
	reset();
	make(0, 1);
	EXPECT(shm_lookup(-1) == NULL);
	EXPECT(shm_lookup(1) == NULL);                          /* a free slot */
	EXPECT(shm_lookup(CONFIG_ARCH_SHM_MAXREGIONS) == NULL); /* slot 0, wrong count */
	EXPECT(shm_lookup(2 * CONFIG_ARCH_SHM_MAXREGIONS + 7) == NULL);
}

TEST(destroy_gives_back_every_frame_and_the_page_list)
{
	reset();
	size_t before = free_pages();
	struct shm_region_s *r = make(0, 7);
	EXPECT_EQ(free_pages(), before - 8);
	shm_destroy(r);
	EXPECT_EQ(free_pages(), before);
	EXPECT_EQ(r->flags, 0);
}

TEST(destroy_skips_pages_never_backed)
{
	reset();
	size_t before = free_pages();
	struct shm_region_s *r = make(0, 4);
	mm_pgfree(r->frames[2], 1); /* as if lazy backing never touched page 2 */
	r->frames[2] = 0;
	r->nframes--;
	shm_destroy(r);
	EXPECT_EQ(free_pages(), before);
}

TEST(held_pages_count_frames_and_page_lists_of_live_segments_only)
{
	reset();
	int nsegs = -1;
	EXPECT_EQ(shm_held_pages(&nsegs), 0);
	EXPECT_EQ(nsegs, 0);
	size_t before = free_pages();
	make(0, 7);
	struct shm_region_s *gone = make(5, 2);
	make(9, 3);
	shm_destroy(gone);
	EXPECT_EQ(shm_held_pages(&nsegs), 12); /* 7 + 3 frames, and a list page each */
	EXPECT_EQ(nsegs, 2);
	EXPECT_EQ(shm_held_pages(NULL), before - free_pages());
}

static struct ipc_perm perm(uid_t uid, gid_t gid, uid_t cuid, gid_t cgid, mode_t mode)
{
	struct ipc_perm p;
	memset(&p, 0, sizeof(p));
	p.uid = uid, p.gid = gid, p.cuid = cuid, p.cgid = cgid, p.mode = mode;
	return p;
}

/* Credentials with effective user uid and effective group gid, and no supplementary groups. */
static struct cred_s who(uid_t uid, gid_t gid)
{
	struct cred_s c;
	memset(&c, 0, sizeof(c));
	c.euid = uid, c.egid = gid;
	return c;
}

/* shm_permitted for effective user uid and group gid. */
static int permitted(const struct ipc_perm *p, uid_t uid, gid_t gid, mode_t mode)
{
	struct cred_s c = who(uid, gid);
	return shm_permitted(p, &c, mode);
}

TEST(permissions_follow_owner_then_group_then_other)
{
	struct ipc_perm p = perm(100, 10, 100, 10, 0640);
	EXPECT(permitted(&p, 100, 99, 0666));  /* owner: rw */
	EXPECT(!permitted(&p, 200, 10, 0222)); /* group: r only */
	EXPECT(permitted(&p, 200, 10, 0444));
	EXPECT(!permitted(&p, 200, 20, 0444)); /* other: nothing */
	EXPECT(permitted(&p, 200, 20, 0));     /* asking for nothing is always allowed */
}

TEST(the_creator_counts_as_owner_and_root_may_do_anything)
{
	struct ipc_perm p = perm(100, 10, 300, 30, 0600);
	EXPECT(permitted(&p, 300, 0, 0666));
	EXPECT(permitted(&p, 0, 0, 0666));
	EXPECT(shm_is_owner(&p, 100));
	EXPECT(shm_is_owner(&p, 300));
	EXPECT(shm_is_owner(&p, 0));
	EXPECT(!shm_is_owner(&p, 200));
}

TEST(a_class_denied_is_denied_even_if_another_class_would_allow)
{
	struct ipc_perm p = perm(100, 10, 100, 10, 0066); /* owner none, group and other rw */
	EXPECT(!permitted(&p, 100, 10, 0444));
}

TEST(a_supplementary_group_grants_the_group_class_as_the_effective_group_does)
{
	struct ipc_perm p = perm(100, 10, 100, 30, 0640);
	struct cred_s c = who(200, 20);
	EXPECT(!shm_permitted(&p, &c, 0444));
	c.groups[c.ngroups++] = 5;
	c.groups[c.ngroups++] = 10; /* the segment's group */
	EXPECT(shm_permitted(&p, &c, 0444));
	EXPECT(!shm_permitted(&p, &c, 0222)); /* the group class has r only */
	c.groups[1] = 30;                     /* the creator's group counts too */
	EXPECT(shm_permitted(&p, &c, 0444));
}

TEST(the_real_group_grants_nothing_when_the_effective_group_is_another)
{
	struct ipc_perm p = perm(100, 10, 100, 10, 0640);
	struct cred_s c = who(200, 20);
	c.gid = c.sgid = 10;
	EXPECT(!shm_permitted(&p, &c, 0444));
}

TEST(destroying_an_attached_segment_is_a_kernel_bug)
{
	reset();
	struct shm_region_s *r = make(0, 1);
	r->ds.shm_nattch = 1;
	jmp_buf target;
	int panicked = 0;
	unit_panic_target = &target;
	if (setjmp(target) == 0)
		shm_destroy(r);
	else
		panicked = 1;
	unit_panic_target = NULL;
	EXPECT(panicked);
}
