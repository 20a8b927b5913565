/* Calendar time as text: strftime, and the fixed form of asctime and ctime, in the "C" locale
 * and in UTC, the only zone there is. */
#include <errno.h>
#include <stdio.h>
#include <time.h>

static const char *const days[] = { "Sunday",   "Monday", "Tuesday", "Wednesday",
				    "Thursday", "Friday", "Saturday" };
static const char *const months[] = { "January",   "February", "March",    "April",
				      "May",       "June",     "July",     "August",
				      "September", "October",  "November", "December" };

/* The name of n from the list, or unknown when n is out of range. */
static const char *name(const char *const *names, int count, int n, const char *unknown)
{
	return n >= 0 && n < count ? names[n] : unknown;
}

/* Write tm into buf[size] as "Thu Nov 26 12:34:31 2026\n", with "???" for a day or month out of
 * range, as glibc writes it. Returns buf, or NULL with errno EOVERFLOW when that doesn't fit. */
static char *format_tm(const struct tm *tm, char *buf, size_t size)
{
	int n = snprintf(buf, size, "%.3s %.3s%3d %.2d:%.2d:%.2d %ld\n",
			 name(days, 7, tm->tm_wday, "???"), name(months, 12, tm->tm_mon, "???"),
			 tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec, 1900L + tm->tm_year);
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

/* strftime's output: len characters so far, of which those within max are in buf. */
struct out {
	char *buf;
	size_t max, len;
};

/* Add at most n characters of s to o, stopping at a NUL; counted even past o's end. */
static void put_str(struct out *o, const char *s, size_t n)
{
	for (size_t i = 0; i < n && s[i]; i++, o->len++)
		if (o->len < o->max)
			o->buf[o->len] = s[i];
}

/* Put v in a field of width characters padded with pad ('0', ' ', or 0 for none), unless glibc's
 * flag (after the %) says otherwise: '-' no padding, '_' spaces, '0' zeros. */
static void put_num(struct out *o, long v, int width, char pad, char flag)
{
	char tmp[24];
	pad = flag == '-' ? 0 : flag == '_' ? ' ' : flag == '0' ? '0' : pad;
	snprintf(tmp, sizeof(tmp), pad == '0' ? "%0*ld" : "%*ld", pad ? width : 0, v);
	put_str(o, tmp, sizeof(tmp));
}

/* The weeks, 52 or 53, of ISO 8601 year y: 53 when it starts on a Thursday, or is a leap
 * year that starts on a Wednesday. */
static int iso_weeks(long y)
{
	long p = (y + y / 4 - y / 100 + y / 400) % 7,
	     q = ((y - 1) + (y - 1) / 4 - (y - 1) / 100 + (y - 1) / 400) % 7;
	return p == 4 || q == 3 ? 53 : 52;
}

/* tm's ISO 8601 week (1..53) into *week, and the year that week belongs to into *year: the
 * weeks start on Monday, and week 1 is the one with the year's first Thursday. */
static void iso_week(const struct tm *tm, long *year, int *week)
{
	*year = 1900L + tm->tm_year;
	*week = (tm->tm_yday - (tm->tm_wday + 6) % 7 + 10) / 7;
	if (*week < 1)
		*week = iso_weeks(--*year);
	else if (*week > iso_weeks(*year))
		*week = 1, ++*year;
}

static void format(struct out *o, const char *fmt, const struct tm *tm);

/* The conversions that stand for others, in the "C" locale. */
static const struct {
	char conv;
	const char *fmt;
} composites[] = {
	{ 'c', "%a %b %e %H:%M:%S %Y" },
	{ 'D', "%m/%d/%y" },
	{ 'x', "%m/%d/%y" },
	{ 'F', "%Y-%m-%d" },
	{ 'r', "%I:%M:%S %p" },
	{ 'R', "%H:%M" },
	{ 'T', "%H:%M:%S" },
	{ 'X', "%H:%M:%S" },
};

/* One conversion, c, of tm, with glibc's padding flag (0 for none). Returns 0, or -1 for a
 * character that names none. */
static int convert(struct out *o, char c, char flag, const struct tm *tm)
{
	long year = 1900L + tm->tm_year, iso_year;
	int iso;
	iso_week(tm, &iso_year, &iso);
	const struct {
		char conv;
		int width;
		char pad;
		long value;
	} numbers[] = {
		{ 'C', 0, 0, (year >= 0 ? year : year - 99) / 100 }, /* rounded down, as glibc */
		{ 'd', 2, '0', tm->tm_mday },
		{ 'e', 2, ' ', tm->tm_mday },
		{ 'g', 2, '0', (iso_year % 100 + 100) % 100 },
		{ 'G', 0, 0, iso_year },
		{ 'H', 2, '0', tm->tm_hour },
		{ 'I', 2, '0', tm->tm_hour % 12 ? tm->tm_hour % 12 : 12 },
		{ 'j', 3, '0', tm->tm_yday + 1 },
		{ 'k', 2, ' ', tm->tm_hour },
		{ 'l', 2, ' ', tm->tm_hour % 12 ? tm->tm_hour % 12 : 12 },
		{ 'm', 2, '0', tm->tm_mon + 1 },
		{ 'M', 2, '0', tm->tm_min },
		{ 'S', 2, '0', tm->tm_sec },
		{ 'u', 0, 0, tm->tm_wday ? tm->tm_wday : 7 },         /* 1..7 from Monday */
		{ 'U', 2, '0', (tm->tm_yday + 7 - tm->tm_wday) / 7 }, /* weeks from Sunday */
		{ 'V', 2, '0', iso },
		{ 'w', 0, 0, tm->tm_wday },
		{ 'W', 2, '0', (tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) / 7 }, /* from Monday */
		{ 'y', 2, '0', (year % 100 + 100) % 100 },
		{ 'Y', 0, 0, year },
	};
	for (size_t i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++)
		if (numbers[i].conv == c) {
			put_num(o, numbers[i].value, numbers[i].width, numbers[i].pad, flag);
			return 0;
		}
	for (size_t i = 0; i < sizeof(composites) / sizeof(composites[0]); i++)
		if (composites[i].conv == c) {
			format(o, composites[i].fmt, tm);
			return 0;
		}
	switch (c) {
	case 'a':
	case 'A':
		put_str(o, name(days, 7, tm->tm_wday, "?"), c == 'a' ? 3 : 16);
		return 0;
	case 'b':
	case 'h':
	case 'B':
		put_str(o, name(months, 12, tm->tm_mon, "?"), c == 'B' ? 16 : 3);
		return 0;
	case 'p':
		put_str(o, tm->tm_hour < 12 ? "AM" : "PM", 2);
		return 0;
	case 'P':
		put_str(o, tm->tm_hour < 12 ? "am" : "pm", 2);
		return 0;
	case 's': { /* seconds since the epoch */
		struct tm copy = *tm;
		put_num(o, mktime(&copy), 0, 0, flag);
		return 0;
	}
	case 'n':
	case 't':
		put_str(o, c == 'n' ? "\n" : "\t", 1);
		return 0;
	case 'z':
		put_str(o, "+0000", 5);
		return 0;
	case 'Z':
		put_str(o, "UTC", 3);
		return 0;
	case '%':
		put_str(o, "%", 1);
		return 0;
	default:
		return -1;
	}
}

/* Put fmt with each conversion replaced by its text. One that names none stays as written. */
static void format(struct out *o, const char *fmt, const struct tm *tm)
{
	for (const char *f = fmt; *f; f++) {
		if (*f != '%' || !f[1]) {
			put_str(o, f, 1);
			continue;
		}
		const char *spec = f++;
		char flag = (*f == '-' || *f == '_' || *f == '0') && f[1] ? *f++ : 0;
		f += (*f == 'E' || *f == 'O') && f[1]; /* the alternative forms: the same in "C" */
		if (convert(o, *f, flag, tm) != 0)
			put_str(o, spec, (size_t)(f - spec + 1));
	}
}

/* Returns the length of the text, or 0 when it and its NUL don't fit in max bytes (buf then
 * holds some part of it). */
size_t strftime(char *buf, size_t max, const char *fmt, const struct tm *tm)
{
	struct out o = { buf, max, 0 };
	format(&o, fmt, tm);
	if (o.len >= max)
		return 0;
	buf[o.len] = '\0';
	return o.len;
}
