/* rand, random, rand_r and the 48-bit generators give glibc's numbers: every value here was
 * printed by the same calls on Linux with glibc. */
#include <stdlib.h>

#include "utest.h"

TEST(srand_gives_glibcs_sequence_for_each_seed)
{
	static const struct {
		unsigned seed;
		int first[3];
		long thousand_and_first; /* by random, after srandom */
	} want[] = {
		{ 0, { 1804289383, 846930886, 1681692777 }, 981914693 }, /* as seed 1 */
		{ 2, { 1505335290, 1738766719, 190686788 }, 1682007530 },
		{ 42, { 71876166, 708592740, 1483128881 }, 1963050744 },
		{ 2147483647, { 1065668062, 2142264300, 1066566375 }, 1446597600 },
		{ 2147483648u, { 1336741213, 1210407648, 1447044896 }, 1917559864 },
		{ 4294967295u, { 254925627, 1205188300, 366127624 }, 1216673817 },
	};
	for (size_t s = 0; s < sizeof(want) / sizeof(want[0]); s++) {
		srand(want[s].seed);
		for (int i = 0; i < 3; i++)
			EXPECT_EQ(rand(), want[s].first[i]);
		srandom(want[s].seed);
		for (int i = 0; i < 1000; i++)
			random();
		EXPECT_EQ(random(), want[s].thousand_and_first);
	}
}

TEST(rand_r_gives_glibcs_numbers_and_leaves_glibcs_state)
{
	unsigned x = 1;
	EXPECT_EQ(rand_r(&x), 476707713);
	EXPECT_EQ(rand_r(&x), 1186278907);
	EXPECT_EQ(rand_r(&x), 505671508);
	EXPECT_EQ(rand_r(&x), 2137716191);
	EXPECT_EQ(x, 836760821u);
	x = 3735928559u;
	EXPECT_EQ(rand_r(&x), 1075635910);
	EXPECT_EQ(rand_r(&x), 1410355045);
	x = 0;
	EXPECT_EQ(rand_r(&x), 1012484);
}

TEST(srand48_gives_glibcs_drand48_lrand48_and_mrand48)
{
	srand48(0);
	EXPECT(drand48() == 0x1.5ddb16e28808p-3);
	EXPECT_EQ(lrand48(), 1610402240);
	EXPECT_EQ(mrand48(), 413913109);
	srand48(-1); /* only the low 32 bits of the seed count */
	EXPECT(drand48() == 0x1.3339f1bd4404p-2);
	EXPECT_EQ(lrand48(), 97305740);
	EXPECT_EQ(mrand48(), 1537280864);
	srand48(1234567890123L);
	EXPECT(drand48() == 0x1.5e1d9e96a202p-1);
	EXPECT_EQ(lrand48(), 1797209186);
	EXPECT_EQ(mrand48(), -306208868);
}

TEST(erand48_nrand48_and_jrand48_step_the_callers_state)
{
	unsigned short x[3] = { 1, 2, 3 };
	EXPECT(erand48(x) == 0x1.c49aaf1b99ep-2);
	EXPECT_EQ(nrand48(x), 565063343);
	EXPECT_EQ(jrand48(x), -1485464893);
}

TEST(seed48_returns_the_old_state_and_lcong48_sets_a_and_c)
{
	srand48(1234567890123L);
	drand48();
	lrand48();
	mrand48();
	unsigned short seed[3] = { 0x1234, 0x5678, 0x9abc };
	unsigned short *old = seed48(seed);
	EXPECT(old[0] == 0x2a23 && old[1] == 0x9f9c && old[2] == 0xedbf);
	EXPECT(drand48() == 0x1.257a45a9e0bcp-2);
	EXPECT_EQ(lrand48(), 2006585297);
	EXPECT_EQ(mrand48(), -1996062933);
	unsigned short param[7] = { 1, 2, 3, 5, 0, 0, 7 }; /* x = 0x300020001, a = 5, c = 7 */
	lcong48(param);
	EXPECT(drand48() == 0x1.e00140018p-13);
	EXPECT_EQ(lrand48(), 2457625);
	EXPECT_EQ(mrand48(), 24576250);
	unsigned short x[3] = { 1, 2, 3 };
	erand48(x); /* 5 * 0x300020001 + 7 */
	EXPECT(x[0] == 0xc && x[1] == 0xa && x[2] == 0xf);
	srand48(5); /* a and c are POSIX's again */
	EXPECT_EQ(lrand48(), 1127084414);
}
