/* <setjmp.h>: setjmp returns twice, longjmp brings back the registers a call preserves and
 * the stack, and sigsetjmp notes whether a mask was to be saved. */
#include <setjmp.h>
#include <stddef.h>

#include "utest.h"

static jmp_buf env;

TEST(setjmp_returns_0_and_then_the_value_longjmp_gives)
{
	volatile int returns = 0;
	int r = setjmp(env);
	returns++;
	if (r == 0)
		longjmp(env, 42);
	EXPECT_EQ(r, 42);
	EXPECT_EQ(returns, 2);
}

TEST(longjmp_with_0_makes_setjmp_return_1)
{
	int r = setjmp(env);
	if (r == 0)
		longjmp(env, 0);
	EXPECT_EQ(r, 1);
}

/* preserved_across_longjmp(env): set s0-s11 and fs0-fs11 to known values, setjmp(env), and
 * on its first return clobber them all and longjmp(env, 1). Returns a mask of the registers
 * that came back different: bit i for s<i>, bit 12 + i for fs<i>; 0 when longjmp restored
 * them all. In assembly, since C code cannot choose its registers, and the compiler keeps
 * no variable in a register across setjmp. */
int preserved_across_longjmp(jmp_buf env);
__asm__(".text\n"
	".globl preserved_across_longjmp\n"
	"preserved_across_longjmp:\n"
	"addi sp, sp, -224\n"
	"sd ra, 0(sp)\n"
	"sd s0, 8(sp)\n"
	"sd s1, 16(sp)\n"
	"sd s2, 24(sp)\n"
	"sd s3, 32(sp)\n"
	"sd s4, 40(sp)\n"
	"sd s5, 48(sp)\n"
	"sd s6, 56(sp)\n"
	"sd s7, 64(sp)\n"
	"sd s8, 72(sp)\n"
	"sd s9, 80(sp)\n"
	"sd s10, 88(sp)\n"
	"sd s11, 96(sp)\n"
	"fsd fs0, 104(sp)\n"
	"fsd fs1, 112(sp)\n"
	"fsd fs2, 120(sp)\n"
	"fsd fs3, 128(sp)\n"
	"fsd fs4, 136(sp)\n"
	"fsd fs5, 144(sp)\n"
	"fsd fs6, 152(sp)\n"
	"fsd fs7, 160(sp)\n"
	"fsd fs8, 168(sp)\n"
	"fsd fs9, 176(sp)\n"
	"fsd fs10, 184(sp)\n"
	"fsd fs11, 192(sp)\n"
	"sd a0, 208(sp)\n"
	"li s0, 1\n"
	"li s1, 2\n"
	"li s2, 3\n"
	"li s3, 4\n"
	"li s4, 5\n"
	"li s5, 6\n"
	"li s6, 7\n"
	"li s7, 8\n"
	"li s8, 9\n"
	"li s9, 10\n"
	"li s10, 11\n"
	"li s11, 12\n"
	"li t0, 101\n"
	"fmv.d.x fs0, t0\n"
	"li t0, 102\n"
	"fmv.d.x fs1, t0\n"
	"li t0, 103\n"
	"fmv.d.x fs2, t0\n"
	"li t0, 104\n"
	"fmv.d.x fs3, t0\n"
	"li t0, 105\n"
	"fmv.d.x fs4, t0\n"
	"li t0, 106\n"
	"fmv.d.x fs5, t0\n"
	"li t0, 107\n"
	"fmv.d.x fs6, t0\n"
	"li t0, 108\n"
	"fmv.d.x fs7, t0\n"
	"li t0, 109\n"
	"fmv.d.x fs8, t0\n"
	"li t0, 110\n"
	"fmv.d.x fs9, t0\n"
	"li t0, 111\n"
	"fmv.d.x fs10, t0\n"
	"li t0, 112\n"
	"fmv.d.x fs11, t0\n"
	"call setjmp\n"
	"bnez a0, 1f\n"
	"li s0, -1\n"
	"li s1, -1\n"
	"li s2, -1\n"
	"li s3, -1\n"
	"li s4, -1\n"
	"li s5, -1\n"
	"li s6, -1\n"
	"li s7, -1\n"
	"li s8, -1\n"
	"li s9, -1\n"
	"li s10, -1\n"
	"li s11, -1\n"
	"fmv.d.x fs0, zero\n"
	"fmv.d.x fs1, zero\n"
	"fmv.d.x fs2, zero\n"
	"fmv.d.x fs3, zero\n"
	"fmv.d.x fs4, zero\n"
	"fmv.d.x fs5, zero\n"
	"fmv.d.x fs6, zero\n"
	"fmv.d.x fs7, zero\n"
	"fmv.d.x fs8, zero\n"
	"fmv.d.x fs9, zero\n"
	"fmv.d.x fs10, zero\n"
	"fmv.d.x fs11, zero\n"
	"ld a0, 208(sp)\n"
	"li a1, 1\n"
	"call longjmp\n"
	"1: li a0, 0\n"
	"addi t0, s0, -1\n"
	"snez t0, t0\n"
	"slli t0, t0, 0\n"
	"or a0, a0, t0\n"
	"addi t0, s1, -2\n"
	"snez t0, t0\n"
	"slli t0, t0, 1\n"
	"or a0, a0, t0\n"
	"addi t0, s2, -3\n"
	"snez t0, t0\n"
	"slli t0, t0, 2\n"
	"or a0, a0, t0\n"
	"addi t0, s3, -4\n"
	"snez t0, t0\n"
	"slli t0, t0, 3\n"
	"or a0, a0, t0\n"
	"addi t0, s4, -5\n"
	"snez t0, t0\n"
	"slli t0, t0, 4\n"
	"or a0, a0, t0\n"
	"addi t0, s5, -6\n"
	"snez t0, t0\n"
	"slli t0, t0, 5\n"
	"or a0, a0, t0\n"
	"addi t0, s6, -7\n"
	"snez t0, t0\n"
	"slli t0, t0, 6\n"
	"or a0, a0, t0\n"
	"addi t0, s7, -8\n"
	"snez t0, t0\n"
	"slli t0, t0, 7\n"
	"or a0, a0, t0\n"
	"addi t0, s8, -9\n"
	"snez t0, t0\n"
	"slli t0, t0, 8\n"
	"or a0, a0, t0\n"
	"addi t0, s9, -10\n"
	"snez t0, t0\n"
	"slli t0, t0, 9\n"
	"or a0, a0, t0\n"
	"addi t0, s10, -11\n"
	"snez t0, t0\n"
	"slli t0, t0, 10\n"
	"or a0, a0, t0\n"
	"addi t0, s11, -12\n"
	"snez t0, t0\n"
	"slli t0, t0, 11\n"
	"or a0, a0, t0\n"
	"fmv.x.d t0, fs0\n"
	"addi t0, t0, -101\n"
	"snez t0, t0\n"
	"slli t0, t0, 12\n"
	"or a0, a0, t0\n"
	"fmv.x.d t0, fs1\n"
	"addi t0, t0, -102\n"
	"snez t0, t0\n"
	"slli t0, t0, 13\n"
	"or a0, a0, t0\n"
	"fmv.x.d t0, fs2\n"
	"addi t0, t0, -103\n"
	"snez t0, t0\n"
	"slli t0, t0, 14\n"
	"or a0, a0, t0\n"
	"fmv.x.d t0, fs3\n"
	"addi t0, t0, -104\n"
	"snez t0, t0\n"
	"slli t0, t0, 15\n"
	"or a0, a0, t0\n"
	"fmv.x.d t0, fs4\n"
	"addi t0, t0, -105\n"
	"snez t0, t0\n"
	"slli t0, t0, 16\n"
	"or a0, a0, t0\n"
	"fmv.x.d t0, fs5\n"
	"addi t0, t0, -106\n"
	"snez t0, t0\n"
	"slli t0, t0, 17\n"
	"or a0, a0, t0\n"
	"fmv.x.d t0, fs6\n"
	"addi t0, t0, -107\n"
	"snez t0, t0\n"
	"slli t0, t0, 18\n"
	"or a0, a0, t0\n"
	"fmv.x.d t0, fs7\n"
	"addi t0, t0, -108\n"
	"snez t0, t0\n"
	"slli t0, t0, 19\n"
	"or a0, a0, t0\n"
	"fmv.x.d t0, fs8\n"
	"addi t0, t0, -109\n"
	"snez t0, t0\n"
	"slli t0, t0, 20\n"
	"or a0, a0, t0\n"
	"fmv.x.d t0, fs9\n"
	"addi t0, t0, -110\n"
	"snez t0, t0\n"
	"slli t0, t0, 21\n"
	"or a0, a0, t0\n"
	"fmv.x.d t0, fs10\n"
	"addi t0, t0, -111\n"
	"snez t0, t0\n"
	"slli t0, t0, 22\n"
	"or a0, a0, t0\n"
	"fmv.x.d t0, fs11\n"
	"addi t0, t0, -112\n"
	"snez t0, t0\n"
	"slli t0, t0, 23\n"
	"or a0, a0, t0\n"
	"ld ra, 0(sp)\n"
	"ld s0, 8(sp)\n"
	"ld s1, 16(sp)\n"
	"ld s2, 24(sp)\n"
	"ld s3, 32(sp)\n"
	"ld s4, 40(sp)\n"
	"ld s5, 48(sp)\n"
	"ld s6, 56(sp)\n"
	"ld s7, 64(sp)\n"
	"ld s8, 72(sp)\n"
	"ld s9, 80(sp)\n"
	"ld s10, 88(sp)\n"
	"ld s11, 96(sp)\n"
	"fld fs0, 104(sp)\n"
	"fld fs1, 112(sp)\n"
	"fld fs2, 120(sp)\n"
	"fld fs3, 128(sp)\n"
	"fld fs4, 136(sp)\n"
	"fld fs5, 144(sp)\n"
	"fld fs6, 152(sp)\n"
	"fld fs7, 160(sp)\n"
	"fld fs8, 168(sp)\n"
	"fld fs9, 176(sp)\n"
	"fld fs10, 184(sp)\n"
	"fld fs11, 192(sp)\n"
	"addi sp, sp, 224\n"
	"ret");

TEST(longjmp_brings_back_the_integer_and_floating_point_registers_a_call_preserves)
{
	EXPECT_EQ(preserved_across_longjmp(env), 0);
}

/* Recurse depth times, then jump back to env (with to_env; else return the depth). */
__attribute__((noinline)) static int dive(int depth, int to_env)
{
	volatile char frame[256];
	frame[0] = 1;
	if (depth == 0 && to_env)
		longjmp(env, 9);
	return depth == 0 ? 0 : dive(depth - 1, to_env) + frame[0];
}

TEST(longjmp_out_of_a_deep_recursion_restores_the_stack_pointer)
{
	volatile char here;
	char *volatile before = (char *)&here;
	if (setjmp(env) == 0)
		dive(200, 1); /* some 50 KiB of stack */
	EXPECT((char *)&here == before);
	EXPECT_EQ(dive(200, 0), 200); /* and the stack works as before */
}

TEST(sigsetjmp_notes_whether_a_mask_was_to_be_saved_and_siglongjmp_returns_to_it)
{
	static sigjmp_buf senv;
	int r = sigsetjmp(senv, 1);
	if (r == 0) {
		EXPECT_EQ(senv[0].__mask_was_saved, 1);
		siglongjmp(senv, 3);
	}
	EXPECT_EQ(r, 3);
	EXPECT_EQ(sigsetjmp(senv, 0), 0);
	EXPECT_EQ(senv[0].__mask_was_saved, 0);
}

TEST(jmp_buf_keeps_glibcs_riscv64_layout_of_the_registers)
{
	EXPECT_EQ(offsetof(struct __jmp_buf_tag, __regs), 8);
	EXPECT_EQ(offsetof(struct __jmp_buf_tag, __sp), 104);
	EXPECT_EQ(offsetof(struct __jmp_buf_tag, __fpregs), 112);
	EXPECT_EQ(offsetof(struct __jmp_buf_tag, __mask_was_saved), 208);
}
