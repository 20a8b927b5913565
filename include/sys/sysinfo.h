/* sysinfo(): how much memory there is and how much is free (Linux's layout). */
#pragma once

struct sysinfo {
	long uptime;             /* seconds since boot */
	unsigned long loads[3];  /* always 0 here */
	unsigned long totalram;  /* page-pool pages, in units of mem_unit bytes */
	unsigned long freeram;   /* free pages */
	unsigned long sharedram; /* pages held by segments: frames and page lists */
	unsigned long bufferram; /* 0 */
	unsigned long totalswap; /* 0 */
	unsigned long freeswap;  /* 0 */
	unsigned short procs;    /* processes, including zombies */
	unsigned short pad;
	unsigned long totalhigh; /* 0 */
	unsigned long freehigh;  /* 0 */
	unsigned int mem_unit;   /* bytes per unit above: the page size */
	char _f[4];
};

#ifndef __KERNEL__
int sysinfo(struct sysinfo *info);
#endif
