/* Isolation: whatever a process does to memory that is not its own, it alone dies, with the
 * signal Linux would send, and the kernel and its parent carry on. */
#include <signal.h>
#include <stdint.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

#define KERNEL_TEXT 0x80200000UL
#define KERNEL_DATA 0x80210000UL
#define UART_PA 0x10000000UL
#define UART_KMMIO 0xffffffc010000000UL

typedef void (*fn_t)(void);

static uintptr_t target; /* what the child pokes at */

static void load(void)
{
	(void)*(volatile uint64_t *)target;
}

static void store(void)
{
	*(volatile uint64_t *)target = 0x5a5a;
}

static void jump(void)
{
	((fn_t)target)();
}

TEST(a_load_from_kernel_memory_is_sigsegv)
{
	target = KERNEL_DATA;
	EXPECT_EQ(signal_of(in_child(load)), SIGSEGV);
}

TEST(a_store_to_kernel_memory_is_sigsegv)
{
	target = KERNEL_DATA;
	EXPECT_EQ(signal_of(in_child(store)), SIGSEGV);
}

TEST(a_jump_into_kernel_text_is_sigsegv)
{
	target = KERNEL_TEXT;
	EXPECT_EQ(signal_of(in_child(jump)), SIGSEGV);
}

TEST(device_registers_are_out_of_reach_at_either_address)
{
	target = UART_PA;
	EXPECT_EQ(signal_of(in_child(store)), SIGSEGV);
	target = UART_KMMIO;
	EXPECT_EQ(signal_of(in_child(load)), SIGSEGV);
}

TEST(a_store_to_the_programs_own_text_is_sigsegv)
{
	target = (uintptr_t)(void *)in_child;
	EXPECT_EQ(signal_of(in_child(store)), SIGSEGV);
}

static uint32_t data_code[4] = { 0x00008067 }; /* ret */

TEST(a_jump_into_the_programs_own_data_is_sigsegv)
{
	target = (uintptr_t)data_code;
	EXPECT_EQ(signal_of(in_child(jump)), SIGSEGV);
}

static void jump_to_stack(void)
{
	volatile uint32_t code[2] = { 0x00008067, 0 };
	((fn_t)(uintptr_t)code)();
}

TEST(a_jump_into_the_stack_is_sigsegv)
{
	EXPECT_EQ(signal_of(in_child(jump_to_stack)), SIGSEGV);
}

/* Recurse 4000 frames of 512 bytes deep: far past the 1 MiB the stack may grow to. */
static int recurse(int depth)
{
	volatile char frame[512];
	frame[0] = (char)depth;
	return depth < 4000 ? recurse(depth + 1) + frame[0] : 0;
}

static void overflow_stack(void)
{
	recurse(0);
}

TEST(a_stack_overflow_past_the_guard_page_is_sigsegv)
{
	EXPECT_EQ(signal_of(in_child(overflow_stack)), SIGSEGV);
}

static void read_satp(void)
{
	__asm__ volatile("csrr t0, satp" ::: "t0");
}

static void write_stvec(void)
{
	__asm__ volatile("csrw stvec, zero");
}

static void do_sret(void)
{
	__asm__ volatile("sret");
}

TEST(privileged_instructions_are_sigill)
{
	EXPECT_EQ(signal_of(in_child(read_satp)), SIGILL);
	EXPECT_EQ(signal_of(in_child(write_stvec)), SIGILL);
	EXPECT_EQ(signal_of(in_child(do_sret)), SIGILL);
}

TEST(shared_memory_is_never_executable)
{
	int id = EXPECT_OK(shmget(IPC_PRIVATE, 4096, 0600));
	uint32_t *mem = shmat(id, NULL, 0);
	EXPECT(mem != (void *)-1);
	mem[0] = 0x00008067; /* ret */
	target = (uintptr_t)mem;
	EXPECT_EQ(signal_of(in_child(jump)), SIGSEGV);
	EXPECT_EQ(mem[0], 0x00008067); /* the parent's view is untouched */
	EXPECT_OK(shmdt(mem));
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
}

TEST(user_counters_are_readable)
{
	uint64_t a, b;
	__asm__ volatile("rdinstret %0" : "=r"(a));
	__asm__ volatile("rdinstret %0" : "=r"(b));
	EXPECT(b > a);
	__asm__ volatile("rdcycle %0" : "=r"(a));
	EXPECT(a > 0);
}

static void amo(void)
{
	int old;
	__asm__ volatile("amoadd.w %0, %1, (%2)" : "=r"(old) : "r"(1), "r"(target) : "memory");
}

/* Every access of every kind at target: each in its own child, each must die of SIGSEGV. */
static int every_access_is_sigsegv(uintptr_t where)
{
	target = where;
	return signal_of(in_child(load)) == SIGSEGV && signal_of(in_child(store)) == SIGSEGV &&
	       signal_of(in_child(amo)) == SIGSEGV && signal_of(in_child(jump)) == SIGSEGV;
}

/* Sv39 translates only addresses whose bits 63..39 all equal bit 38; the others fault, and
 * must not be taken for the user page their low 39 bits name. */
static volatile uint64_t a_mapped_word = 1;

TEST(non_canonical_addresses_are_sigsegv_for_every_access)
{
	uintptr_t mapped = (uintptr_t)&a_mapped_word;
	EXPECT(every_access_is_sigsegv(mapped | 1UL << 39));
	EXPECT(every_access_is_sigsegv(mapped | 1UL << 63));
	EXPECT(every_access_is_sigsegv(mapped | 1UL << 38));
	EXPECT(every_access_is_sigsegv(mapped | ~0UL << 40)); /* bit 38 clear, the ones above not */
}

TEST(a_non_canonical_alias_of_a_shared_page_is_sigsegv)
{
	int id = EXPECT_OK(shmget(IPC_PRIVATE, 4096, 0600));
	volatile uint64_t *mem = shmat(id, NULL, 0);
	EXPECT(mem != (void *)-1);
	mem[0] = 7; /* backed and mapped, in lazy mode too */
	EXPECT(every_access_is_sigsegv((uintptr_t)mem | 1UL << 39));
	EXPECT_EQ(mem[0], 7);
	EXPECT_OK(shmdt((void *)mem));
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
}

TEST(addresses_above_the_user_half_are_sigsegv_for_every_access)
{
	EXPECT(every_access_is_sigsegv(0x80000000UL));         /* USER_TOP: the kernel's RAM */
	EXPECT(every_access_is_sigsegv(0x100000000UL));        /* canonical, never mapped */
	EXPECT(every_access_is_sigsegv(0x3ffffff000UL));       /* the top of the lower half */
	EXPECT(every_access_is_sigsegv(0xffffffc000000000UL)); /* the kernel half: devices */
	EXPECT(every_access_is_sigsegv(0xfffffffffffff000UL)); /* the very top */
}

TEST(system_calls_given_a_non_canonical_pointer_are_efault)
{
	char *alias = (char *)((uintptr_t)&a_mapped_word | 1UL << 39);
	struct shmid_ds ds;
	int id = EXPECT_OK(shmget(IPC_PRIVATE, 4096, 0600));
	EXPECT_ERRNO(write(1, alias, 1), EFAULT);
	EXPECT_ERRNO(shmctl(id, IPC_STAT, (struct shmid_ds *)alias), EFAULT);
	EXPECT_ERRNO(shmctl(id, IPC_SET, (struct shmid_ds *)alias), EFAULT);
	EXPECT_ERRNO(nanosleep((struct timespec *)alias, NULL), EFAULT);
	EXPECT_ERRNO(clock_gettime(CLOCK_REALTIME, (struct timespec *)alias), EFAULT);
	EXPECT_OK(shmctl(id, IPC_STAT, &ds));
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
}
