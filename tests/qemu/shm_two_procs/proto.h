/* The page alpha.c and beta.c share at a well-known key, and the steps they take. */
#pragma once

#include <sys/shm.h>

#include "shmtest.h"

#define MEET_KEY ((key_t)0x6000)
#define BETA_ADDR ((void *)0x40800000UL) /* alpha takes the window start: a different address */

enum step { NONE, ALPHA_WROTE, BETA_REPLIED, ALPHA_REMOVED };

struct meet {
	volatile int step;
	int alpha_pid, beta_pid;
	char pad[PG - 12];
	unsigned char alpha_data[PG]; /* second page: alpha to beta */
	unsigned char beta_data[PG];  /* third page: beta to alpha */
};
