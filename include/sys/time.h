/* The time of day in microseconds: gettimeofday and struct timeval, and glibc's macros on it. */
#pragma once

#include <sys/types.h>

struct timeval {
	time_t tv_sec;
	suseconds_t tv_usec; /* 0..999999 */
};

/* Kept for old callers of gettimeofday; the zone here is always UTC: both fields 0. */
struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

#ifndef __KERNEL__
/* Fill *tv with the time (from clock_gettime(CLOCK_REALTIME)) and *tz, when not NULL. Returns
 * 0, or -1 with errno set. */
int gettimeofday(struct timeval *tv, void *tz);
#endif

#define timerisset(tv) ((tv)->tv_sec || (tv)->tv_usec)
#define timerclear(tv) ((tv)->tv_sec = (tv)->tv_usec = 0)
#define timercmp(a, b, CMP)                                                                        \
	((a)->tv_sec == (b)->tv_sec ? (a)->tv_usec CMP(b)->tv_usec : (a)->tv_sec CMP(b)->tv_sec)
/* *res = *a + *b, and *res = *a - *b, with tv_usec kept in 0..999999. */
#define timeradd(a, b, res)                                                                        \
	do {                                                                                       \
		(res)->tv_sec = (a)->tv_sec + (b)->tv_sec;                                         \
		(res)->tv_usec = (a)->tv_usec + (b)->tv_usec;                                      \
		if ((res)->tv_usec >= 1000000)                                                     \
			(res)->tv_sec++, (res)->tv_usec -= 1000000;                                \
	} while (0)
#define timersub(a, b, res)                                                                        \
	do {                                                                                       \
		(res)->tv_sec = (a)->tv_sec - (b)->tv_sec;                                         \
		(res)->tv_usec = (a)->tv_usec - (b)->tv_usec;                                      \
		if ((res)->tv_usec < 0)                                                            \
			(res)->tv_sec--, (res)->tv_usec += 1000000;                                \
	} while (0)
