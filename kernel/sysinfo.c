/* sysinfo: memory counts in pages, so a program can watch its own use exactly. */
#include <sys/sysinfo.h>

#include "lib/string.h"
#include "memlayout.h"
#include "mm/pgalloc.h"
#include "mm/uaccess.h"
#include "shm/shm.h"
#include "syscall.h"
#include "task.h"
#include "timer.h"

long sys_sysinfo(uintptr_t uinfo)
{
	struct sysinfo info;
	struct pginfo_s pg;
	memset(&info, 0, sizeof(info));
	mm_pginfo(&pg);
	info.uptime = (long)(timer_now() / timer_hz());
	info.totalram = pg.ntotal;
	info.freeram = pg.nfree;
	info.sharedram = shm_held_pages(NULL);
	info.mem_unit = PGSIZE;
	spin_lock(&task_lock);
	info.procs = (unsigned short)task_count_live();
	spin_unlock(&task_lock);
	return copyout(uinfo, &info, sizeof(info));
}
