/* The test runner: main() runs every TEST in the program and reports each. */
#include "utest.h"

#include <string.h>

extern const struct utest __start_utest[], __stop_utest[];

static int failed;
static const char *current;

static void fail(const char *file, int line, const char *what)
{
	printf("  %s: %s:%d: %s\n", current, file, line, what);
	failed = 1;
}

int utest_failed(void)
{
	return failed;
}

void utest_check(int ok, const char *what, const char *file, int line)
{
	if (!ok)
		fail(file, line, what);
}

void utest_check_eq(long a, long b, const char *what, const char *file, int line)
{
	if (a != b) {
		char msg[256];
		snprintf(msg, sizeof(msg), "%s (%ld != %ld, %#lx != %#lx)", what, a, b, a, b);
		fail(file, line, msg);
	}
}

void utest_check_errno(long ret, int got, int want, const char *what, const char *file, int line)
{
	if (ret != -1 || got != want) {
		char msg[256];
		snprintf(msg, sizeof(msg), "%s gave %ld, errno %d (%s); expected -1, errno %d (%s)",
			 what, ret, got, strerror(got), want, strerror(want));
		fail(file, line, msg);
	}
}

long utest_check_ok(long ret, int err, const char *what, const char *file, int line)
{
	if (ret == -1) {
		char msg[256];
		snprintf(msg, sizeof(msg), "%s failed: errno %d (%s)", what, err, strerror(err));
		fail(file, line, msg);
	}
	return ret;
}

/* Weak, so a program of a suite that has its own main() can link this file too. */
__attribute__((weak)) int main(void)
{
	int nfailed = 0;
	for (const struct utest *t = __start_utest; t < __stop_utest; t++) {
		failed = 0;
		current = t->name;
		t->fn();
		printf(failed ? "FAIL %s\n" : "PASS %s\n", t->name);
		nfailed += failed;
	}
	return nfailed > 255 ? 255 : nfailed;
}
