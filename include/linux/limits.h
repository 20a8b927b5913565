/* The kernel's limits that programs see in <limits.h>, as Linux keeps them in this header. */
#pragma once

/* Supplementary groups a process may have (setgroups). Linux allows 65536; rvshm keeps a
 * process's groups in its task group, so it allows fewer. */
#define NGROUPS_MAX 32

/* There is no file system; these let programs size their path buffers as on Linux. */
#define PATH_MAX 4096
#define NAME_MAX 255
