/* Time: the RTC's wall clock, a monotonic clock, and sleeping. */
#pragma once

#include <sys/types.h>

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1

typedef int clockid_t;

struct timespec {
	time_t tv_sec;
	long tv_nsec;
};

time_t time(time_t *t);
int clock_gettime(clockid_t clock, struct timespec *ts);
int nanosleep(const struct timespec *req, struct timespec *rem);
