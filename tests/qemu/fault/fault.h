/* What faulter.c and survivor.c share: the key of the segment that tells the faulter's pid. */
#pragma once

#define FAULTER_KEY ((key_t)0xfa17)
