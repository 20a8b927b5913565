/* The registers swtch() saves: what a C function must keep across a call, plus ra and sp. */
#pragma once

#include <stdint.h>

struct context {
	uint64_t ra, sp;
	uint64_t s[12];
};

/* Save the current kernel context in old and resume new (kernel/swtch.S). */
void swtch(struct context *old, const struct context *new);
