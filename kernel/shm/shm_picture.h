/* The narration's picture of a segment: whose virtual pages reach its frames. */
#pragma once

#include "shm.h"

/* Print, side by side, the frames of segment r and the virtual address through which each
 * attached process reaches them, with the PTE bits; then the Sv39 walk of the first shared
 * page in each of those processes. Caller holds g_shminfo.lock. Only with V=1. */
void shm_picture(const struct shm_region_s *r);
