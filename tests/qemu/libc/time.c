/* <time.h> and <sys/time.h>: calendar time in UTC and back, its text as glibc writes it,
 * clock and gettimeofday. */
#include <errno.h>
#include <limits.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "expect_str.h"
#include "utest.h"

/* Instants, with the text and the day numbers glibc gives for them (with TZ=UTC). */
static const struct {
	time_t t;
	const char *text;
	int wday, yday;
} instants[] = {
	{ 0, "Thu Jan  1 00:00:00 1970\n", 4, 0 },
	{ -1, "Wed Dec 31 23:59:59 1969\n", 3, 364 },
	{ 951782400, "Tue Feb 29 00:00:00 2000\n", 2, 59 },
	{ 951868800, "Wed Mar  1 00:00:00 2000\n", 3, 60 },
	{ 4107542400, "Mon Mar  1 00:00:00 2100\n", 1, 59 },
	{ 1795696471, "Thu Nov 26 12:34:31 2026\n", 4, 329 },
	{ -2208988800, "Mon Jan  1 00:00:00 1900\n", 1, 0 },
	{ 253402300799, "Fri Dec 31 23:59:59 9999\n", 5, 364 },
	{ -62135596800, "Mon Jan  1 00:00:00 1\n", 1, 0 },
	{ 1709251199, "Thu Feb 29 23:59:59 2024\n", 4, 59 },
};

TEST(ctime_writes_the_date_as_glibc_does)
{
	for (unsigned i = 0; i < sizeof(instants) / sizeof(instants[0]); i++)
		EXPECT_STR(ctime(&instants[i].t), instants[i].text);
}

TEST(gmtime_counts_leap_years_centuries_and_days_before_1970)
{
	for (unsigned i = 0; i < sizeof(instants) / sizeof(instants[0]); i++) {
		struct tm *tm = gmtime(&instants[i].t);
		EXPECT(tm != NULL);
		EXPECT_EQ(tm->tm_wday, instants[i].wday);
		EXPECT_EQ(tm->tm_yday, instants[i].yday);
		EXPECT_EQ(tm->tm_isdst, 0);
	}
}

TEST(gmtime_r_fills_every_field)
{
	time_t t = 1795696471;
	struct tm tm;
	EXPECT(gmtime_r(&t, &tm) == &tm);
	EXPECT_EQ(tm.tm_year, 126);
	EXPECT_EQ(tm.tm_mon, 10);
	EXPECT_EQ(tm.tm_mday, 26);
	EXPECT_EQ(tm.tm_hour, 12);
	EXPECT_EQ(tm.tm_min, 34);
	EXPECT_EQ(tm.tm_sec, 31);
}

TEST(localtime_is_utc)
{
	time_t t = 1700000000;
	struct tm local, utc;
	localtime_r(&t, &local);
	gmtime_r(&t, &utc);
	EXPECT_EQ(local.tm_hour, utc.tm_hour);
	EXPECT_EQ(local.tm_mday, utc.tm_mday);
	EXPECT_EQ(localtime(&t)->tm_hour, 22);
}

TEST(asctime_r_refuses_years_of_five_digits_with_eoverflow)
{
	time_t t = 253402300800; /* 10000-01-01 */
	char buf[26];
	struct tm *tm = gmtime(&t);
	errno = 0;
	EXPECT(asctime_r(tm, buf) == NULL);
	EXPECT_EQ(errno, EOVERFLOW);
	EXPECT_STR(asctime(tm), "Sat Jan  1 00:00:00 10000\n");
}

TEST(gmtime_of_a_year_past_int_is_eoverflow)
{
	time_t t = LONG_MAX;
	errno = 0;
	EXPECT(gmtime(&t) == NULL);
	EXPECT_EQ(errno, EOVERFLOW);
	EXPECT(ctime(&t) == NULL);
}

TEST(asctime_of_out_of_range_fields_shows_question_marks)
{
	struct tm tm = { .tm_wday = 9, .tm_mon = -1, .tm_mday = 5, .tm_year = 100 };
	EXPECT_STR(asctime(&tm), "??? ???  5 00:00:00 2000\n");
}

TEST(difftime_subtracts)
{
	EXPECT(difftime(10, 4) == 6.0);
	EXPECT(difftime(4, 10) == -6.0);
}

TEST(time_is_after_2024)
{
	EXPECT(time(NULL) > 1704067200);
}

/* strftime(fmt) of 2026-11-26 12:34:31 UTC, a Thursday, or "(zero)" when it returns 0. */
static const char *at_1795696471(const char *fmt)
{
	static char buf[160];
	time_t t = 1795696471;
	return strftime(buf, sizeof(buf), fmt, localtime(&t)) ? buf : "(zero)";
}

TEST(strftime_writes_the_common_conversions_as_glibc_does)
{
	EXPECT_STR(at_1795696471("%Y %m %d %H %M %S %a %A %b %B %y %e %j %p %Z %z %%"),
		   "2026 11 26 12 34 31 Thu Thursday Nov November 26 26 330 PM UTC +0000 %");
	EXPECT_STR(at_1795696471("%T|%D|%F|%c|%x|%X|%R|%r"),
		   "12:34:31|11/26/26|2026-11-26|Thu Nov 26 12:34:31 2026|11/26/26|12:34:31|12:34|"
		   "12:34:31 PM");
	EXPECT_STR(at_1795696471("%C %I %l %k %u %w %U %W %h %s %P [%n%t]"),
		   "20 12 12 12 4 4 47 47 Nov 1795696471 pm [\n\t]");
}

TEST(strftime_pads_days_and_hours_and_names_midnight_12_am)
{
	struct tm tm = { .tm_year = 100, .tm_mon = 0, .tm_mday = 5, .tm_hour = 0, .tm_wday = 3 };
	char buf[64];
	EXPECT_EQ(strftime(buf, sizeof(buf), "%e|%d|%k|%H|%I|%l|%p|%j", &tm), 24);
	EXPECT_STR(buf, " 5|05| 0|00|12|12|AM|001");
}

TEST(strftime_gives_iso_8601_weeks_whose_year_may_differ)
{
	char buf[64];
	const time_t days[] = { 1609459200, 1798761600, 1230768000 }; /* each a 1 January */
	const char *const want[] = { "2020|20|53", "2026|26|53", "2009|09|01" };
	for (int i = 0; i < 3; i++) {
		struct tm tm;
		gmtime_r(&days[i], &tm);
		strftime(buf, sizeof(buf), "%G|%g|%V", &tm);
		EXPECT_STR(buf, want[i]);
	}
}

TEST(strftime_takes_glibcs_padding_flags)
{
	struct tm tm = {
		.tm_year = 126, .tm_mon = 0, .tm_mday = 5, .tm_hour = 7, .tm_wday = 1, .tm_yday = 4
	};
	char buf[64];
	strftime(buf, sizeof(buf), "%-d|%_d|%0e|%-H|%_m|%-j", &tm);
	EXPECT_STR(buf, "5| 5|05|7| 1|5");
}

TEST(strftime_writes_unknown_conversions_as_written)
{
	EXPECT_STR(at_1795696471("%Q %Ec %Oy 100%"), "%Q Thu Nov 26 12:34:31 2026 26 100%");
}

TEST(strftime_of_years_before_1000_and_names_out_of_range)
{
	struct tm tm = { .tm_year = 999 - 1900, .tm_mon = 0, .tm_mday = 5 };
	char buf[64];
	strftime(buf, sizeof(buf), "%Y %F %y %C", &tm);
	EXPECT_STR(buf, "999 999-01-05 99 9");
	tm = (struct tm){ .tm_year = -1 - 1900, .tm_mon = 12, .tm_mday = 1, .tm_wday = 7 };
	strftime(buf, sizeof(buf), "%Y %y %C %a %A %b %B", &tm);
	EXPECT_STR(buf, "-1 99 -1 ? ? ? ?");
}

TEST(strftime_that_does_not_fit_returns_zero)
{
	time_t t = 1795696471;
	char buf[5];
	EXPECT_EQ(strftime(buf, sizeof(buf), "%Y-%m", gmtime(&t)), 0);
	EXPECT_EQ(strftime(buf, sizeof(buf), "%Y", gmtime(&t)), 4);
	EXPECT_STR(buf, "2026");
	EXPECT_EQ(strftime(buf, sizeof(buf), "", gmtime(&t)), 0);
}

TEST(mktime_and_timegm_undo_gmtime)
{
	for (unsigned i = 0; i < sizeof(instants) / sizeof(instants[0]); i++) {
		struct tm tm = *gmtime(&instants[i].t);
		EXPECT_EQ(timegm(&tm), instants[i].t);
		tm.tm_isdst = 0;
		EXPECT_EQ(mktime(&tm), instants[i].t);
	}
}

TEST(mktime_carries_fields_out_of_range_and_fills_in_the_days)
{
	struct tm tm = { .tm_year = 126,
			 .tm_mon = 13,
			 .tm_mday = 0,
			 .tm_hour = 25,
			 .tm_min = -1,
			 .tm_sec = 61,
			 .tm_wday = 9,
			 .tm_yday = -5 };
	EXPECT_EQ(mktime(&tm), 1801443601); /* 2027-02-01 01:00:01 */
	EXPECT(tm.tm_year == 127 && tm.tm_mon == 1 && tm.tm_mday == 1);
	EXPECT(tm.tm_hour == 1 && tm.tm_min == 0 && tm.tm_sec == 1);
	EXPECT(tm.tm_wday == 1 && tm.tm_yday == 31 && tm.tm_isdst == 0);
	tm = (struct tm){ .tm_year = 100, .tm_mon = -13, .tm_mday = 1 };
	EXPECT_EQ(timegm(&tm), 912470400); /* 1998-12-01 */
}

TEST(mktime_with_summer_time_in_utc_takes_an_hour_off_as_glibc_does)
{
	struct tm tm = { .tm_year = 70, .tm_mday = 1, .tm_isdst = 1 };
	EXPECT_EQ(mktime(&tm), -3600);
	EXPECT(tm.tm_isdst == 0 && tm.tm_hour == 23);
	tm = (struct tm){ .tm_year = 70, .tm_mday = 1, .tm_isdst = 1 };
	EXPECT_EQ(timegm(&tm), 0);
}

TEST(timegm_past_the_last_year_int_holds_is_eoverflow_and_leaves_tm)
{
	struct tm tm = { .tm_year = INT_MAX, .tm_mon = 11, .tm_mday = 31 };
	errno = 0;
	EXPECT_EQ(timegm(&tm), 67768036191590400);
	EXPECT_EQ(errno, 0);
	tm = (struct tm){ .tm_year = INT_MAX, .tm_mon = 12, .tm_mday = 1 };
	EXPECT_ERRNO(timegm(&tm), EOVERFLOW);
	EXPECT_EQ(tm.tm_mon, 12);
}

TEST(clock_counts_microseconds_of_cpu_time)
{
	EXPECT_EQ(CLOCKS_PER_SEC, 1000000);
	clock_t before = clock();
	EXPECT(before >= 0);
	for (volatile long i = 0; i < 2000000; i++)
		;
	EXPECT(clock() > before);
}

/* A second asleep is no CPU time: the process is off the hart all that while. (Half a second
 * leaves room for any host stall in the microseconds it runs.) */
TEST(sleeping_costs_no_cpu_time)
{
	struct timespec cpu0, cpu1, mono0, mono1;
	EXPECT_OK(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu0));
	EXPECT_OK(clock_gettime(CLOCK_MONOTONIC, &mono0));
	sleep(1);
	EXPECT_OK(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu1));
	EXPECT_OK(clock_gettime(CLOCK_MONOTONIC, &mono1));
	long cpu_ns = (cpu1.tv_sec - cpu0.tv_sec) * 1000000000L + (cpu1.tv_nsec - cpu0.tv_nsec);
	long mono_ns =
	    (mono1.tv_sec - mono0.tv_sec) * 1000000000L + (mono1.tv_nsec - mono0.tv_nsec);
	EXPECT(mono_ns >= 1000000000L);
	EXPECT(cpu_ns >= 0 && cpu_ns < 500000000L);
}

TEST(every_clock_linux_has_reads_and_the_others_are_einval)
{
	struct timespec ts;
	int clocks[] = { CLOCK_REALTIME,          CLOCK_MONOTONIC,     CLOCK_PROCESS_CPUTIME_ID,
			 CLOCK_THREAD_CPUTIME_ID, CLOCK_MONOTONIC_RAW, CLOCK_REALTIME_COARSE,
			 CLOCK_MONOTONIC_COARSE,  CLOCK_BOOTTIME,      CLOCK_TAI };
	for (size_t i = 0; i < sizeof(clocks) / sizeof(clocks[0]); i++)
		EXPECT_OK(clock_gettime(clocks[i], &ts));
	EXPECT_ERRNO(clock_gettime(8, &ts), EINVAL); /* the alarm clocks: no alarm timer */
	EXPECT_ERRNO(clock_gettime(12, &ts), EINVAL);
	EXPECT_ERRNO(clock_gettime(-1, &ts), EINVAL);
	EXPECT_ERRNO(clock_gettime(CLOCK_BOOTTIME, NULL), EFAULT);
}

TEST(gettimeofday_agrees_with_time_and_gives_utc)
{
	struct timeval tv;
	struct timezone tz = { 60, 1 };
	time_t before = time(NULL);
	EXPECT_EQ(gettimeofday(&tv, &tz), 0);
	time_t after = time(NULL);
	EXPECT(tv.tv_sec >= before && tv.tv_sec <= after);
	EXPECT(tv.tv_usec >= 0 && tv.tv_usec < 1000000);
	EXPECT(tz.tz_minuteswest == 0 && tz.tz_dsttime == 0);
	EXPECT_EQ(gettimeofday(&tv, NULL), 0);
}

TEST(timersub_and_timeradd_carry_microseconds)
{
	struct timeval a = { 5, 100 }, b = { 2, 900000 }, r;
	timersub(&a, &b, &r);
	EXPECT(r.tv_sec == 2 && r.tv_usec == 100100);
	timeradd(&r, &b, &r);
	EXPECT(r.tv_sec == 5 && r.tv_usec == 100);
	EXPECT(timercmp(&a, &b, >) && !timercmp(&a, &b, <) && timerisset(&a));
	timerclear(&a);
	EXPECT(!timerisset(&a));
}
