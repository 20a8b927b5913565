/* Plurals for the narration, in the kernel and in the host unit tests alike. */
#pragma once

/* "s" unless n is 1: "1 frame", "2 frames". */
static inline const char *plural(unsigned long n)
{
	return n == 1 ? "" : "s";
}

/* "s" when n is 1, for the verb that agrees: "1 segment holds", "2 segments hold". */
static inline const char *verb_s(unsigned long n)
{
	return n == 1 ? "s" : "";
}
