/* Exercise (c)'s tlb_fences, for the graders of (c) and (e). Until user/include/rvshm.h
 * declares the call, every test that needs it fails, saying so; the weak declaration lets
 * the graders link meanwhile. */
#pragma once

#include <rvshm.h>

#include "utest.h"

#ifdef RVSHM_TLB_FENCES
#define TLB_FENCES_DEFINED 1
#else
#define TLB_FENCES_DEFINED 0
struct tlb_fences {
	unsigned long full, page, remote;
};
int tlb_fences(struct tlb_fences *counts) __attribute__((weak));
#endif

/* 1 if tlb_fences exists; else the calling test fails, saying what is missing, and gets 0. */
#define HAS_TLB_FENCES()                                                                           \
	(utest_check(TLB_FENCES_DEFINED,                                                           \
		     "RVSHM_TLB_FENCES and tlb_fences (exercise (c)) are declared in "             \
		     "user/include/rvshm.h",                                                       \
		     __FILE__, __LINE__),                                                          \
	 TLB_FENCES_DEFINED)
