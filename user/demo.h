/* What the demo's producer and consumer agree on: a key, the harts they run on, and the
 * layout of the segment. */
#pragma once

#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>

#define DEMO_KEY 0x5256 /* "RV" */

/* With two harts or more, the producer runs on hart 0 and the consumer on hart 1, at the same
 * time: each pins itself there with sched_setaffinity. */
#define PRODUCER_HART 0
#define CONSUMER_HART 1

enum demo_stage { EMPTY, REQUEST_WRITTEN, REPLY_WRITTEN, REMOVED };

/*
 * The page both map. stage says who may read next, and it is an atomic, written with release
 * and read with acquire, because RISC-V's memory model (RVWMO) lets a hart make its stores
 * visible to another hart in a different order from the one the program wrote them in, and
 * lets a load be done early. With plain accesses the consumer, on another hart, could see
 * stage == REQUEST_WRITTEN before it sees the request's bytes. A release store makes every
 * store before it visible first (the compiler puts a fence before it); an acquire load keeps
 * every load after it from being done first.
 */
struct demo_page {
	_Atomic int stage;
	char request[128]; /* producer -> consumer */
	char reply[128];   /* consumer -> producer */
};

/* Pin the calling process to hart, saying so; with fewer harts it runs where it is put. */
static inline void demo_pin(const char *who, int hart)
{
	cpu_set_t set;
	CPU_ZERO(&set);
	CPU_SET(hart, &set);
	if (sched_setaffinity(0, sizeof(set), &set) == 0)
		printf("%s: runs on hart %d\n", who, sched_getcpu());
	else
		printf("%s: no hart %d here; runs on hart %d\n", who, hart, sched_getcpu());
}
