/* Per-hart state. tp holds the index of this hart's struct cpu while in the kernel. */
#pragma once

#include <stdint.h>

#include "context.h"
#include "memlayout.h"

struct tcb_s;
struct addrenv_s;

/* Aligned to 256 bytes so that finding this hart's is a single shift of tp. */
struct __attribute__((aligned(256))) cpu {
	unsigned long hartid;      /* the hart's id, as SBI and the device tree name it */
	struct tcb_s *thread;      /* running on this hart, or NULL in the scheduler */
	struct context scheduler;  /* swtch() here to enter the scheduler */
	int intr_depth;            /* intr_push nesting */
	int intr_was_on;           /* interrupts were on before the outermost intr_push */
	uint64_t timer_at;         /* when this hart's timer fires next, in time CSR ticks */
	int fp_owner;              /* whose FP state the FP registers hold (kernel/fpu.h) */
	uint64_t ran_since;        /* when this hart's thread came on, in time CSR ticks */
	struct addrenv_s *addrenv; /* whose page table satp holds (kernel/mm/tlb.h) */
	int started;               /* running the kernel: set once, when the hart comes up */
};

extern struct cpu cpus[NCPU];

/* How many harts run the kernel: cpus[0 .. ncpu - 1]. */
extern int ncpu;

/* The index of this hart's struct cpu in cpus[]. Only meaningful with interrupts off. */
static inline unsigned long cpu_index(void)
{
	unsigned long id;
	__asm__ volatile("mv %0, tp" : "=r"(id));
	return id;
}

/* This hart's struct cpu. Only meaningful with interrupts off. */
static inline struct cpu *this_cpu(void)
{
	return &cpus[cpu_index()];
}
