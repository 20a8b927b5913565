/* Calendar time: seconds since 1970-01-01 00:00 UTC (the Unix epoch) as a date and time of day
 * in the proleptic Gregorian calendar, and as text. Local time is UTC: there are no zones. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <time.h>

#define SECS_PER_DAY 86400
#define DAYS_PER_ERA 146097 /* the calendar repeats every 400 years */

/* The date days after 1970-01-01: *year, *mon (0..11) and *mday (1..31). Years are counted from
 * March 1 here, so that February and its leap day end each year, and the days of the month
 * come from a linear formula (153 days per 5 months, from March). The method is H. Hinnant's
 * days-to-civil algorithm. */
static void civil_from_days(long days, long *year, int *mon, int *mday)
{
	days += 719468; /* from 0000-03-01 */
	long era = (days >= 0 ? days : days - (DAYS_PER_ERA - 1)) / DAYS_PER_ERA;
	long day_of_era = days - era * DAYS_PER_ERA;
	/* Take out the leap days already past (one per 4 years, less one per 100, plus the era's
	 * last day), so that dividing by 365 counts whole years. Each divisor is one day short of
	 * 4, 100 or 400 years, so that the last day of such a span still belongs to it. */
	long leap_days = day_of_era / 1460 - day_of_era / 36524 + day_of_era / (DAYS_PER_ERA - 1);
	long year_of_era = (day_of_era - leap_days) / 365;
	long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
	int month_from_march = (int)((5 * day_of_year + 2) / 153);
	*mday = (int)(day_of_year - (153 * month_from_march + 2) / 5 + 1);
	*mon = month_from_march < 10 ? month_from_march + 2 : month_from_march - 10;
	*year = era * 400 + year_of_era + (*mon < 2);
}

static int is_leap(long year)
{
	return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

/* Fill tm with the UTC date and time *t. Returns tm, or NULL with errno EOVERFLOW when the year
 * doesn't fit tm_year. */
struct tm *gmtime_r(const time_t *t, struct tm *tm)
{
	static const short days_before_month[] = { 0,   31,  59,  90,  120, 151,
						   181, 212, 243, 273, 304, 334 };
	long days = *t / SECS_PER_DAY, secs = *t % SECS_PER_DAY, year;
	if (secs < 0)
		secs += SECS_PER_DAY, days--;
	civil_from_days(days, &year, &tm->tm_mon, &tm->tm_mday);
	if (year - 1900 < INT_MIN || year - 1900 > INT_MAX) {
		errno = EOVERFLOW;
		return NULL;
	}
	tm->tm_year = (int)(year - 1900);
	tm->tm_yday =
	    days_before_month[tm->tm_mon] + tm->tm_mday - 1 + (tm->tm_mon > 1 && is_leap(year));
	tm->tm_wday = (int)((days % 7 + 11) % 7); /* 1970-01-01 was a Thursday */
	tm->tm_hour = (int)(secs / 3600);
	tm->tm_min = (int)(secs / 60 % 60);
	tm->tm_sec = (int)(secs % 60);
	tm->tm_isdst = 0;
	return tm;
}

/* gmtime_r into one struct tm that every call of gmtime and localtime reuses. */
struct tm *gmtime(const time_t *t)
{
	static struct tm tm;
	return gmtime_r(t, &tm);
}

struct tm *localtime_r(const time_t *t, struct tm *tm)
{
	return gmtime_r(t, tm);
}

struct tm *localtime(const time_t *t)
{
	return gmtime(t);
}

/* The name of n from the list, or "???" when n is out of range, as glibc prints it. */
static const char *name(const char *const *names, int count, int n)
{
	return n >= 0 && n < count ? names[n] : "???";
}

/* Write tm into buf[size] as "Thu Nov 26 12:34:31 2026\n". Returns buf, or NULL with errno
 * EOVERFLOW when that doesn't fit. */
static char *format_tm(const struct tm *tm, char *buf, size_t size)
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	int n = snprintf(buf, size, "%.3s %.3s%3d %.2d:%.2d:%.2d %ld\n", name(days, 7, tm->tm_wday),
			 name(months, 12, tm->tm_mon), tm->tm_mday, tm->tm_hour, tm->tm_min,
			 tm->tm_sec, 1900L + tm->tm_year);
	if (n < 0 || (size_t)n >= size) {
		errno = EOVERFLOW;
		return NULL;
	}
	return buf;
}

/* buf must hold 26 bytes, enough for years up to 9999, as POSIX says. */
char *asctime_r(const struct tm *tm, char *buf)
{
	return format_tm(tm, buf, 26);
}

/* Into one buffer that every call of asctime and ctime reuses; large enough for any year. */
char *asctime(const struct tm *tm)
{
	static char buf[64];
	return format_tm(tm, buf, sizeof(buf));
}

char *ctime_r(const time_t *t, char *buf)
{
	struct tm tm;
	return localtime_r(t, &tm) ? asctime_r(&tm, buf) : NULL;
}

char *ctime(const time_t *t)
{
	struct tm *tm = localtime(t);
	return tm ? asctime(tm) : NULL;
}

/* t1 - t0 in seconds; exact while both are within 2^53 seconds of the epoch. */
double difftime(time_t t1, time_t t0)
{
	return (double)t1 - (double)t0;
}
