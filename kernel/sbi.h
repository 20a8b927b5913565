/* Calls into the SBI firmware (OpenSBI) below us. */
#pragma once

#include <stdint.h>

/* Ask for a supervisor timer interrupt when the time CSR reaches stime (SBI TIME extension). */
void sbi_set_timer(uint64_t stime);
