/* Time: the RTC's wall clock, a monotonic clock, sleeping, and calendar time. There are no time
 * zones: local time is UTC, as on Linux with no zone configured. */
#pragma once

#include <sys/types.h>

/* Linux's clocks. The coarse, raw and boot-time clocks read the same as the plain ones, and
 * the CPU-time clocks count the time the process has run on a hart, kernel time included. */
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7
#define CLOCK_TAI 11

/* clock()'s unit: microseconds, as on Linux. clock() is the process's CPU time, as glibc's is. */
#define CLOCKS_PER_SEC ((clock_t)1000000)

struct timespec {
	time_t tv_sec;
	long tv_nsec;
};

/* A calendar date and time of day. */
struct tm {
	int tm_sec;   /* 0..60 */
	int tm_min;   /* 0..59 */
	int tm_hour;  /* 0..23 */
	int tm_mday;  /* day of the month, 1..31 */
	int tm_mon;   /* month, 0..11 */
	int tm_year;  /* years since 1900 */
	int tm_wday;  /* day of the week, 0..6 from Sunday */
	int tm_yday;  /* day of the year, 0..365 */
	int tm_isdst; /* daylight saving time: never here, 0 */
};

time_t time(time_t *t);
clock_t clock(void);
int clock_gettime(clockid_t clock, struct timespec *ts);
int nanosleep(const struct timespec *req, struct timespec *rem);

struct tm *gmtime(const time_t *t);
struct tm *gmtime_r(const time_t *t, struct tm *tm);
struct tm *localtime(const time_t *t);
struct tm *localtime_r(const time_t *t, struct tm *tm);
char *asctime(const struct tm *tm);
char *asctime_r(const struct tm *tm, char *buf);
char *ctime(const time_t *t);
char *ctime_r(const time_t *t, char *buf);
time_t mktime(struct tm *tm);
time_t timegm(struct tm *tm);
size_t strftime(char *buf, size_t max, const char *fmt, const struct tm *tm);
double difftime(time_t t1, time_t t0);
