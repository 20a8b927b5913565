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

/* Copy one segment into fresh frames and map them. */
static int load_segment(pagetable_t pt, const uint8_t *image, const struct elf64_phdr *ph)
{
	uint64_t perm =
	    PTE_U | PTE_R | (ph->flags & PF_W ? PTE_W : 0) | (ph->flags & PF_X ? PTE_X : 0);
	uintptr_t file_end = ph->vaddr + ph->filesz;
	for (uintptr_t va = PGROUNDDOWN(ph->vaddr); va < ph->vaddr + ph->memsz; va += PGSIZE) {
		if (vm_lookup(pt, va))
			return -ENOEXEC; /* two segments share a page: the linker script forbids it */
		uintptr_t frame = mm_pgalloc(1);
		if (!frame)
			return -ENOMEM;
		uintptr_t from = va > ph->vaddr ? va : ph->vaddr;
		uintptr_t to = va + PGSIZE < file_end ? va + PGSIZE : file_end;
		if (from < to)
			memcpy((void *)(frame + (from - va)),
			       image + ph->offset + (from - ph->vaddr), to - from);
		if (vm_map_pages(pt, va, &frame, 1, perm) != 0) {
			mm_pgfree(frame, 1);
			return -ENOMEM;
		}
	}
	return 0;
}

int elf_load(pagetable_t pt, const uint8_t *image, size_t size, uintptr_t *entry,
	     uintptr_t *image_end)
{
	const struct elf64_ehdr *eh = (const void *)image;
	if (!header_ok(eh, size))
		return -ENOEXEC;
	*image_end = USER_BASE;
	for (int i = 0; i < eh->phnum; i++) {
		const struct elf64_phdr *ph = (const void *)(image + eh->phoff + i * sizeof(*ph));
		if (ph->type != PT_LOAD || ph->memsz == 0)
			continue;
		if (!segment_ok(ph, size))
			return -ENOEXEC;
		int err = load_segment(pt, image, ph);
		if (err)
			return err;
		if (PGROUNDUP(ph->vaddr + ph->memsz) > *image_end)
			*image_end = PGROUNDUP(ph->vaddr + ph->memsz);
	}
	*entry = eh->entry;
	pte_t pte = vm_lookup(pt, *entry);
	return pte && (pte & PTE_X) ? 0 : -ENOEXEC;
}
