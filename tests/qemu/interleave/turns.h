/* What ping.c and pong.c share: a page at a known key that says whose turn it is. */
#pragma once

#include <stdio.h>
#include <sys/shm.h>

#include "shmtest.h"

#define TURNS_KEY ((key_t)0x1e00)
#define ROUNDS 3

/* turn counts up: 2i is ping's round i and 2i + 1 pong's; at SPIN ping spins and pong ends. */
#define SPIN (2 * ROUNDS + 1)

struct turns {
	volatile int turn;
	volatile int pong_done; /* pong has printed its last line */
};

/* Wait, yielding the hart, for turn; print "who round" and pass the turn on. Whether it came. */
static inline int take_turn(struct turns *t, int turn, const char *who, int round)
{
	if (!wait_for(&t->turn, turn))
		return 0;
	printf("%s %d\n", who, round);
	t->turn = turn + 1;
	return 1;
}
