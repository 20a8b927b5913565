/*
 * A QEMU plugin that counts the instructions each hart executes, for the figures of make bench
 * that need two harts at once (scripts/bench.sh loads it with -plugin).
 *
 * QEMU counts instructions exactly only under -icount, and there it runs the harts in turn: a
 * hart that spins keeps the others from running (docs/smp.md). A plugin sees every instruction
 * of every hart, with the harts running as usual, so its counts are exact either way.
 *
 * A program marks a point with `slti zero, zero, N` (N from 1 to 2047), a no-op that the
 * RISC-V spec leaves for custom use as a hint. At each mark this prints one line to QEMU's log:
 *
 *	hart_insns: mark N hart H insns C sbi S wfi W wfi_sbi X
 *
 * C is how many instructions hart H had executed before the mark, S how many of them were in
 * the firmware (OpenSBI: below the kernel's first address, given as -plugin ...,kernel=ADDR),
 * W how many it had executed before its last wfi, and X how many of those were in the firmware:
 * C - W counts what the hart did since it last went idle, and S - X the firmware's part of it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The plugin interface of QEMU 7.2 (QEMU_PLUGIN_VERSION 1), the part this plugin uses. */
typedef uint64_t qemu_plugin_id_t;
struct qemu_plugin_tb;
struct qemu_plugin_insn;
enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS };
typedef void (*vcpu_udata_cb_t)(unsigned int vcpu_index, void *userdata);
typedef void (*tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);
void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, tb_trans_cb_t cb);
void qemu_plugin_register_vcpu_insn_exec_cb(struct qemu_plugin_insn *insn, vcpu_udata_cb_t cb,
					    enum qemu_plugin_cb_flags flags, void *userdata);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb, size_t idx);
const void *qemu_plugin_insn_data(const struct qemu_plugin_insn *insn);
uint64_t qemu_plugin_insn_vaddr(const struct qemu_plugin_insn *insn);
size_t qemu_plugin_insn_size(const struct qemu_plugin_insn *insn);
void qemu_plugin_outs(const char *string);

#define EXPORT __attribute__((visibility("default")))
EXPORT int qemu_plugin_version = 1;

#define HARTS 8
#define WFI 0x10500073u
#define MARK_MASK 0x000fffffu /* slti with rd = rs1 = zero: opcode, rd, funct3 and rs1 */
#define MARK 0x00002013u

#define RAM 0x80000000u /* QEMU virt: the firmware is at the start of RAM */

static uint64_t kernel_start = RAM; /* the firmware is [RAM, kernel_start) */

/* Each hart's counts are touched by that hart's own QEMU thread only. */
static uint64_t insns[HARTS], in_sbi[HARTS], at_wfi[HARTS], sbi_at_wfi[HARTS];

/* Before every instruction of hart h outside the firmware. */
static void count(unsigned int h, void *unused)
{
	(void)unused;
	insns[h % HARTS]++;
}

/* Before every instruction of hart h in the firmware. */
static void count_sbi(unsigned int h, void *unused)
{
	(void)unused;
	insns[h % HARTS]++;
	in_sbi[h % HARTS]++;
}

/* Before a wfi of hart h: it goes idle now. */
static void idle(unsigned int h, void *unused)
{
	(void)unused;
	at_wfi[h % HARTS] = insns[h % HARTS];
	sbi_at_wfi[h % HARTS] = in_sbi[h % HARTS];
}

/* Before mark N (in mark) of hart h: one line to the log. */
static void mark(unsigned int h, void *n)
{
	char line[160];
	snprintf(line, sizeof(line),
		 "hart_insns: mark %lu hart %u insns %lu sbi %lu wfi %lu wfi_sbi %lu\n",
		 (unsigned long)(uintptr_t)n, h, (unsigned long)insns[h % HARTS],
		 (unsigned long)in_sbi[h % HARTS], (unsigned long)at_wfi[h % HARTS],
		 (unsigned long)sbi_at_wfi[h % HARTS]);
	qemu_plugin_outs(line);
}

/* When QEMU translates a block: count each of its instructions, and watch for wfi and marks. */
static void translated(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	(void)id;
	for (size_t i = 0; i < qemu_plugin_tb_n_insns(tb); i++) {
		struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
		uint32_t word = 0;
		if (qemu_plugin_insn_size(insn) == 4)
			memcpy(&word, qemu_plugin_insn_data(insn), 4);
		if (word == WFI)
			qemu_plugin_register_vcpu_insn_exec_cb(insn, idle, QEMU_PLUGIN_CB_NO_REGS,
							       NULL);
		if ((word & MARK_MASK) == MARK && word >> 20 > 0 && word >> 20 < 2048)
			qemu_plugin_register_vcpu_insn_exec_cb(insn, mark, QEMU_PLUGIN_CB_NO_REGS,
							       (void *)(uintptr_t)(word >> 20));
		uint64_t pc = qemu_plugin_insn_vaddr(insn);
		int sbi = pc >= RAM && pc < kernel_start;
		qemu_plugin_register_vcpu_insn_exec_cb(insn, sbi ? count_sbi : count,
						       QEMU_PLUGIN_CB_NO_REGS, NULL);
	}
}

/* Called by QEMU when it loads the plugin, with its arguments ("kernel=0x80200000"). Returns
 * 0 (loaded), or -1 for an argument it does not know. */
EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const void *info, int argc, char **argv)
{
	(void)info;
	for (int i = 0; i < argc; i++) {
		if (strncmp(argv[i], "kernel=", 7) != 0) {
			fprintf(stderr, "hart_insns: unknown argument %s\n", argv[i]);
			return -1;
		}
		kernel_start = strtoull(argv[i] + 7, NULL, 0);
	}
	qemu_plugin_register_vcpu_tb_trans_cb(id, translated);
	return 0;
}
