/* Wall-clock time. */
#pragma once

#include <stdint.h>

/* Seconds since the Unix epoch, from the RTC. */
uint64_t rtc_seconds(void);

/* Nanoseconds since the Unix epoch, from the RTC. */
uint64_t rtc_nanoseconds(void);
