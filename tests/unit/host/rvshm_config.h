/* The default configuration, for host unit tests. */
#pragma once
#define CONFIG_MM_PGSIZE 4096
#define CONFIG_ARCH_SHM_VBASE 0x40000000UL
#define CONFIG_ARCH_SHM_MAXREGIONS 64
#define CONFIG_ARCH_SHM_NPAGES 1024
#define CONFIG_NPROC 16
#define CONFIG_MM_SHM_LAZY 0
