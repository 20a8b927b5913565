/* Just enough of the flattened device tree to learn RAM, the harts and the timer frequency. */
#pragma once

#include <stdint.h>

struct machine_info {
	uint64_t ram_base, ram_size; /* the first range of the /memory node */
	uint64_t timebase_hz;        /* /cpus timebase-frequency: ticks of the time CSR a second */
	unsigned long harts;         /* a bit for each /cpus/cpu node's hart id (reg) below 64 */
};

/* Read the device tree at dtb. Returns 0, or -EINVAL if it is not a device tree or lacks
 * /memory or /cpus/timebase-frequency. */
int fdt_read(const void *dtb, struct machine_info *info);
