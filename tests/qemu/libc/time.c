/* <time.h>: calendar time in UTC, and ctime's text as glibc writes it. */
#include <errno.h>
#include <limits.h>
#include <time.h>

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
