/* Calendar time: seconds since 1970-01-01 00:00 UTC (the Unix epoch) as a date and time of day
 * in the proleptic Gregorian calendar, and back (user/lib/strftime.c writes them as text). Local
 * time is UTC: there are no zones. */
#include <errno.h>
#include <limits.h>
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

/* Is year a Gregorian leap year? */
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

/* The days from 1970-01-01 to the first of month mon (0..11) of year: civil_from_days undone,
 * with years counted from March as there. */
static long days_from_civil(long year, int mon)
{
	year -= mon < 2; /* January and February end the year before */
	long era = (year >= 0 ? year : year - 399) / 400;
	long year_of_era = year - era * 400;
	int month_from_march = mon < 2 ? mon + 10 : mon - 2;
	long day_of_year = (153 * month_from_march + 2) / 5;
	long day_of_era = 365 * year_of_era + year_of_era / 4 - year_of_era / 100 + day_of_year;
	return era * DAYS_PER_ERA + day_of_era - 719468;
}

/* The time of tm's fields, read as UTC, less offset seconds. Fields out of their range carry
 * into the next (a 13th month is January of the next year, day 0 the last of the month
 * before), and tm is filled in anew, tm_wday and tm_yday too. Returns -1 with errno EOVERFLOW,
 * tm unchanged, when the year doesn't fit tm_year. */
static time_t from_fields(struct tm *tm, long offset)
{
	long mon = tm->tm_mon % 12, year = 1900L + tm->tm_year + tm->tm_mon / 12;
	if (mon < 0)
		mon += 12, year--;
	long days = days_from_civil(year, (int)mon) + tm->tm_mday - 1;
	time_t t =
	    days * SECS_PER_DAY + tm->tm_hour * 3600L + tm->tm_min * 60L + tm->tm_sec - offset;
	struct tm out;
	if (!gmtime_r(&t, &out))
		return -1;
	*tm = out;
	return t;
}

/* mktime for a time given in UTC, which is what mktime is here too. */
time_t timegm(struct tm *tm)
{
	return from_fields(tm, 0);
}

/* Local time is UTC. tm_isdst > 0 says the fields are summer time, an hour ahead: as glibc does
 * in a zone that has no summer time, that takes an hour off. */
time_t mktime(struct tm *tm)
{
	return from_fields(tm, tm->tm_isdst > 0 ? 3600 : 0);
}

/* t1 - t0 in seconds; exact while both are within 2^53 seconds of the epoch. */
double difftime(time_t t1, time_t t0)
{
	return (double)t1 - (double)t0;
}
