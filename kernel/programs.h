/* The user programs built into this kernel image (scripts/gen-progs.sh writes the table). */
#pragma once

#include <stdint.h>

struct user_program {
	const char *name;
	const uint8_t *elf, *elf_end;
};

/* Ends with an entry whose name is NULL. Every program here starts at boot. */
extern const struct user_program user_programs[];
