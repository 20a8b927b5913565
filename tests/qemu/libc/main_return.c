/* Returning from main is exit(main's value): it runs the atexit handlers. */
#include <stdio.h>
#include <stdlib.h>

#include "utest.h"

static void registered_first(void)
{
	printf("atexit: the handler registered first ran last\n");
}

static void registered_last(void)
{
	printf("atexit: the handler registered last ran first\n");
}

/* The expect file checks that both lines come after this test's PASS line, in this order. */
TEST(returning_from_main_runs_the_atexit_handlers_newest_first)
{
	EXPECT_EQ(atexit(registered_first), 0);
	EXPECT_EQ(atexit(registered_last), 0);
}
