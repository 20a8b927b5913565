/* rvshm's own calls, for looking inside the kernel. */
#pragma once

/* Ask the kernel to print this process's page table: each run of mapped pages with its
 * permission bits (V R W X U), the part of the memory map it lies in, and its first frame. */
int vmprint(void);
