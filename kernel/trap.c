/* Trap handling: what to do once trapvec.S has saved the registers. */
#include "trap.h"
#include "cpu.h"
#include "errno.h"
#include "kernel.h"
#include "memlayout.h"
#include "mm/anon.h"
#include "mm/ustack.h"
#include "riscv.h"
#include "rlimit.h"
#include "sched.h"
#include "smp.h"
#include "syscall.h"
#include "task.h"
#include "timer.h"

#include <signal.h>

extern char trap_vector[];

static const char *const exception_names[] = {
	[EXC_INST_MISALIGNED] = "instruction address misaligned",
	[EXC_INST_ACCESS] = "instruction access fault",
	[EXC_ILLEGAL_INST] = "illegal instruction",
	[EXC_BREAKPOINT] = "breakpoint",
	[EXC_LOAD_MISALIGNED] = "load address misaligned",
	[EXC_LOAD_ACCESS] = "load access fault",
	[EXC_STORE_MISALIGNED] = "store address misaligned",
	[EXC_STORE_ACCESS] = "store access fault",
	[EXC_ECALL_U] = "ecall from U-mode",
	[EXC_ECALL_S] = "ecall from S-mode",
	[EXC_INST_PAGE_FAULT] = "instruction page fault",
	[EXC_LOAD_PAGE_FAULT] = "load page fault",
	[EXC_STORE_PAGE_FAULT] = "store page fault",
};

static const char *exception_name(uint64_t cause)
{
	if (cause < ARRAY_SIZE(exception_names) && exception_names[cause])
		return exception_names[cause];
	return "unknown exception";
}

/* The signal a user fault earns, as on Linux. */
static int fault_signal(uint64_t cause)
{
	switch (cause) {
	case EXC_ILLEGAL_INST:
		return SIGILL;
	case EXC_BREAKPOINT:
		return SIGTRAP;
	case EXC_INST_MISALIGNED:
	case EXC_LOAD_MISALIGNED:
	case EXC_STORE_MISALIGNED:
		return SIGBUS;
	default:
		return SIGSEGV;
	}
}

static int is_page_fault(uint64_t cause)
{
	return cause == EXC_LOAD_PAGE_FAULT || cause == EXC_STORE_PAGE_FAULT ||
	       cause == EXC_INST_PAGE_FAULT;
}

/* Does pt already allow access to va? Then the fault was spurious: the hart kept an old
 * invalid entry after the kernel made it valid. Fencing the page mends it. */
static int spurious(pagetable_t pt, uintptr_t va, uint64_t access)
{
	pte_t pte = vm_lookup(pt, PGROUNDDOWN(va));
	if ((pte & (PTE_V | PTE_U | access)) != (PTE_V | PTE_U | access))
		return 0;
	sfence_vma_page(PGROUNDDOWN(va));
	return 1;
}

_Static_assert(USTACK_TOP - USTACK_LIMIT == 1UL << 20, "the overflow report says 1 MiB");

/* A page fault shared memory could not mend (error err): anonymous memory's first touch (a
 * stack growing, .bss), spurious, or fatal. Out of line, so that the common fault path keeps
 * nothing alive across shm_fault. */
__attribute__((noinline)) static void page_fault_unmended(uint64_t cause, uint64_t access, int err)
{
	struct task_group_s *g = this_group();
	uintptr_t va = csr_read(stval);
	/* Not a user address: at or above USER_TOP, in the kernel half, or not canonical (bits
	 * 63..39 unlike bit 38). Nothing below may look it up, for a walk reads only bits 38..12
	 * and would find the user page those name. */
	if (va >= USER_TOP)
		task_kill(SIGSEGV, exception_name(cause));
	if (err == -ENOMEM)
		task_kill(SIGBUS, "no free page for a shared-memory page");
	err = anon_fault(g, va, access);
	if (err == 0 || spurious(g->addrenv.pagetable, va, access))
		return;
	if (err == -ENOMEM)
		task_kill(SIGSEGV, va >= g->image_end ? "no free page to grow the stack"
						      : "no free page for a first touch of .bss");
	if (ustack_is_guard(g, va))
		task_kill(SIGSEGV, rlimit_stack(g) < USTACK_TOP - USTACK_LIMIT
				       ? "stack overflow: past the RLIMIT_STACK the program set"
				       : "stack overflow: the stack may grow to 1 MiB");
	task_kill(SIGSEGV, exception_name(cause));
}

/* A user page fault: shared memory may mend it (lazy backing), or anonymous memory (the stack
 * growing, .bss); otherwise it is fatal. */
static void page_fault(uint64_t cause)
{
	uint64_t access = cause == EXC_STORE_PAGE_FAULT  ? PTE_W
			  : cause == EXC_INST_PAGE_FAULT ? PTE_X
							 : PTE_R;
	int err = shm_fault(this_group(), csr_read(stval), access);
	if (err)
		page_fault_unmended(cause, access, err);
}

void trap_init(void)
{
	csr_write(stvec, (uintptr_t)trap_vector);
	csr_write(scounteren, SCOUNTEREN_CY | SCOUNTEREN_TM | SCOUNTEREN_IR);
	csr_set(sie, SIE_SSIE); /* IPIs from other harts */
}

/* Every trap from U-mode but a system call or a page fault: the timer, an IPI, other faults. */
__attribute__((noinline)) static void other_trap(uint64_t cause)
{
	if (cause == (SCAUSE_INTERRUPT | IRQ_S_TIMER)) {
		timer_interrupt();
		yield();
	} else if (cause == (SCAUSE_INTERRUPT | IRQ_S_SOFT)) {
		smp_ipi_received();
		/* sched_setaffinity may have taken this hart from the thread: it moves. */
		if (!(this_thread()->affinity & 1UL << cpu_index()))
			yield();
	} else if (cause & SCAUSE_INTERRUPT) {
		panic("user_trap: unexpected interrupt 0x%lx", cause);
	} else {
		task_kill(fault_signal(cause), exception_name(cause));
	}
}

/* The one way back to U-mode, inlined into the system-call path where every instruction
 * counts. A thread of a process that is ending (exit in another thread, a fatal fault, a
 * signal from kill) ends here instead, before it runs on: whether it comes back from a trap or
 * runs for the first time (thread_first_run). */
__attribute__((noreturn, always_inline)) static inline void return_to_user(struct trapframe *tf)
{
	if (this_thread()->group->dying)
		thread_exit(0); /* the status is the group's already */
	/* sret to U-mode (SPP = 0) with interrupts on there (SPIE = 1). */
	csr_clear(sstatus, SSTATUS_SPP);
	csr_set(sstatus, SSTATUS_SPIE);
	tf->kernel_tp = cpu_index(); /* the next trap may come on this hart */
	user_return(tf);
}

/* Every trap from U-mode comes here, on the process's kernel stack, interrupts off. The
 * system call is the common case: its path is kept short (see docs/performance.md). */
__attribute__((noreturn)) void user_trap(struct trapframe *tf)
{
	uint64_t cause = csr_read(scause);
	if (cause == EXC_ECALL_U) {
		tf->sepc += 4;
		tf->a0 = (uint64_t)syscall_dispatch(tf);
	} else if (is_page_fault(cause)) {
		page_fault(cause); /* lazy shared memory comes this way: keep it short too */
	} else {
		other_trap(cause);
	}
	return_to_user(tf);
}

void trap_return(struct trapframe *tf)
{
	return_to_user(tf);
}

/* A trap in S-mode: the timer while idle is expected; anything else is a kernel bug. */
void kernel_trap(void)
{
	uint64_t cause = csr_read(scause);
	if (cause == (SCAUSE_INTERRUPT | IRQ_S_TIMER)) {
		timer_interrupt();
		return;
	}
	if (cause == (SCAUSE_INTERRUPT | IRQ_S_SOFT)) {
		smp_ipi_received();
		return;
	}
	const char *what =
	    cause & SCAUSE_INTERRUPT ? "unexpected interrupt" : exception_name(cause);
	struct tcb_s *t = this_cpu()->thread;
	panic("kernel trap: %s (scause 0x%lx) at sepc 0x%lx stval 0x%lx, hart %lu, tid %d", what,
	      cause, csr_read(sepc), csr_read(stval), cpu_index(), t ? t->tid : 0);
}
