/* A program that never seeds gets glibc's numbers too. A program of its own, so that no other
 * test seeds first. */
#include <stdlib.h>

#include "utest.h"

TEST(unseeded_rand_is_glibcs_seed_1_and_unseeded_drand48_starts_from_zero)
{
	EXPECT_EQ(rand(), 1804289383);
	EXPECT_EQ(rand(), 846930886);
	EXPECT_EQ(random(), 1681692777);
	EXPECT(drand48() == 0x1.6p-45); /* (0 * a + c) / 2^48 */
	EXPECT_EQ(lrand48(), 2116118);
}
