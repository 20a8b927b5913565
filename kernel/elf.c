/* ELF64 loader: enough of the format to place a statically linked program. */
#include "elf.h"

#include "errno.h"
#include "lib/string.h"
#include "memlayout.h"
#include "mm/pgalloc.h"

#define EM_RISCV 243
#define ET_EXEC 2
#define PT_LOAD 1
#define PF_X 1
#define PF_W 2
#define PF_R 4

struct elf64_ehdr {
	uint8_t ident[16];
	uint16_t type, machine;
	uint32_t version;
	uint64_t entry, phoff, shoff;
	uint32_t flags;
	uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf64_phdr {
	uint32_t type, flags;
	uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

static int header_ok(const struct elf64_ehdr *eh, size_t size)
{
	return size >= sizeof(*eh) && memcmp(eh->ident, "\177ELF\2\1", 6) == 0 &&
	       eh->type == ET_EXEC && eh->machine == EM_RISCV &&
	       eh->phentsize == sizeof(struct elf64_phdr) && eh->phoff <= size &&
	       eh->phnum <= (size - eh->phoff) / sizeof(struct elf64_phdr);
}

/* A segment is acceptable if it stays inside the file and inside the image area, and is not
 * both writable and executable (W^X). */
static int segment_ok(const struct elf64_phdr *ph, size_t size)
{
	return ph->filesz <= ph->memsz && ph->offset <= size && ph->filesz <= size - ph->offset &&
	       ph->vaddr >= USER_BASE && ph->memsz <= HEAP_LIMIT &&
	       ph->vaddr <= HEAP_LIMIT - ph->memsz && (ph->flags & PF_R) &&
	       !((ph->flags & PF_W) && (ph->flags & PF_X));
}

/* The end of the pages of segment ph that are loaded now: with lazy_bss (the writable
 * segment that ends the image), the page after its last byte of file data, for the rest of its
 * .bss is backed at first touch; otherwise its end. */
static uintptr_t eager_end(const struct elf64_phdr *ph, int lazy_bss)
{
	return PGROUNDUP(ph->vaddr + (lazy_bss ? ph->filesz : ph->memsz));
}

/* Copy one segment's file data into fresh frames and map them, up to end. */
static int load_segment(struct addrenv_s *env, const uint8_t *image, const struct elf64_phdr *ph,
			uintptr_t end)
{
	uint64_t perm =
	    PTE_U | PTE_R | (ph->flags & PF_W ? PTE_W : 0) | (ph->flags & PF_X ? PTE_X : 0);
	uintptr_t file_end = ph->vaddr + ph->filesz;
	for (uintptr_t va = PGROUNDDOWN(ph->vaddr); va < end; va += PGSIZE) {
		uintptr_t frame = mm_pgalloc(1);
		if (!frame)
			return -ENOMEM;
		uintptr_t from = va > ph->vaddr ? va : ph->vaddr;
		uintptr_t to = va + PGSIZE < file_end ? va + PGSIZE : file_end;
		if (from < to)
			memcpy((void *)(frame + (from - va)),
			       image + ph->offset + (from - ph->vaddr), to - from);
		if (vm_map_pages(env, va, &frame, 1, PAGE_LEVEL, perm) != 0) {
			mm_pgfree(frame, 1);
			return -ENOMEM;
		}
	}
	return 0;
}

/* The i-th program header of image. */
static const struct elf64_phdr *phdr(const uint8_t *image, int i)
{
	const struct elf64_ehdr *eh = (const void *)image;
	return (const void *)(image + eh->phoff + (size_t)i * sizeof(struct elf64_phdr));
}

int elf_load(struct addrenv_s *env, const uint8_t *image, size_t size, struct elf_layout *layout)
{
	const struct elf64_ehdr *eh = (const void *)image;
	if (!header_ok(eh, size))
		return -ENOEXEC;
	int last = -1; /* the last loadable segment; ELF orders them by address */
	for (int i = 0; i < eh->phnum; i++)
		if (phdr(image, i)->type == PT_LOAD && phdr(image, i)->memsz != 0)
			last = i;
	*layout = (struct elf_layout){ eh->entry, USER_BASE, USER_BASE };
	for (int i = 0; i <= last; i++) {
		const struct elf64_phdr *ph = phdr(image, i);
		if (ph->type != PT_LOAD || ph->memsz == 0)
			continue;
		if (!segment_ok(ph, size) || ph->vaddr < layout->end)
			return -ENOEXEC; /* out of order, or overlapping the one before */
		uintptr_t end = eager_end(ph, i == last && (ph->flags & PF_W));
		int err = load_segment(env, image, ph, end);
		if (err)
			return err;
		layout->bss_start = end;
		layout->end = PGROUNDUP(ph->vaddr + ph->memsz);
	}
	pte_t pte = vm_lookup(env->pagetable, layout->entry);
	return pte && (pte & PTE_X) ? 0 : -ENOEXEC;
}
