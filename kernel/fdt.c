/*
 * Flattened device tree reader. The tree is a stream of big-endian 32-bit tokens: BEGIN_NODE
 * (with the name), PROP (length, name offset, value), END_NODE, ending with END. We walk it
 * once, remembering the root's #address-cells and #size-cells, and pick out the properties we
 * need: RAM's range, the timer's frequency, and each hart's id.
 */
#include "fdt.h"

#include "errno.h"
#include "lib/string.h"

#define FDT_MAGIC 0xd00dfeed
#define FDT_BEGIN_NODE 1
#define FDT_END_NODE 2
#define FDT_PROP 3
#define FDT_NOP 4
#define FDT_END 9

struct fdt_header {
	uint32_t magic, totalsize, off_dt_struct, off_dt_strings, off_mem_rsvmap, version;
	uint32_t last_comp_version, boot_cpuid_phys, size_dt_strings, size_dt_struct;
};

static uint32_t be32(const void *p)
{
	const uint8_t *b = p;
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* Read a value of cells 32-bit cells (1 or 2) from p. */
static uint64_t read_cells(const uint8_t *p, uint32_t cells)
{
	return cells == 2 ? (uint64_t)be32(p) << 32 | be32(p + 4) : be32(p);
}

int fdt_read(const void *dtb, struct machine_info *info)
{
	const struct fdt_header *h = dtb;
	if (dtb == 0 || be32(&h->magic) != FDT_MAGIC)
		return -EINVAL;
	const uint8_t *p = (const uint8_t *)dtb + be32(&h->off_dt_struct);
	const char *strings = (const char *)dtb + be32(&h->off_dt_strings);
	uint32_t addr_cells = 2, size_cells = 2;
	int depth = 0, in_memory = 0, in_cpus = 0, in_cpu = 0, found_memory = 0;
	info->timebase_hz = 0;
	info->harts = 0;

	for (;;) {
		uint32_t token = be32(p);
		p += 4;
		if (token == FDT_BEGIN_NODE) {
			const char *name = (const char *)p;
			depth++;
			if (depth == 2) {
				in_memory = strncmp(name, "memory", 6) == 0 &&
					    (name[6] == '\0' || name[6] == '@');
				in_cpus = strcmp(name, "cpus") == 0;
			}
			if (depth == 3)
				in_cpu = in_cpus && strncmp(name, "cpu@", 4) == 0;
			p += (strlen(name) + 4) & ~3UL;
		} else if (token == FDT_END_NODE) {
			if (depth-- == 2)
				in_memory = in_cpus = 0;
			in_cpu = in_cpu && depth >= 3;
		} else if (token == FDT_PROP) {
			uint32_t len = be32(p), nameoff = be32(p + 4);
			const char *name = strings + nameoff;
			const uint8_t *val = p + 8;
			if (depth == 1 && strcmp(name, "#address-cells") == 0)
				addr_cells = be32(val);
			else if (depth == 1 && strcmp(name, "#size-cells") == 0)
				size_cells = be32(val);
			else if (depth == 2 && in_memory && !found_memory &&
				 strcmp(name, "reg") == 0 && len >= 4 * (addr_cells + size_cells)) {
				info->ram_base = read_cells(val, addr_cells);
				info->ram_size = read_cells(val + 4 * addr_cells, size_cells);
				found_memory = 1;
			} else if (depth == 2 && in_cpus &&
				   strcmp(name, "timebase-frequency") == 0) {
				info->timebase_hz = read_cells(val, len >= 8 ? 2 : 1);
			} else if (depth == 3 && in_cpu && strcmp(name, "reg") == 0 && len >= 4) {
				uint64_t id =
				    read_cells(val, len >= 8 ? 2 : 1); /* #address-cells of /cpus */
				if (id < 64)
					info->harts |= 1UL << id;
			}
			p += 8 + ((len + 3) & ~3UL);
		} else if (token == FDT_NOP) {
			continue;
		} else {
			break; /* FDT_END, or something we do not understand */
		}
	}
	return found_memory && info->timebase_hz ? 0 : -EINVAL;
}
