/* getrusage, and the usage wait4 reports of a child: rvshm counts context switches. */
#include <sys/resource.h>

#include "errno.h"
#include "lib/string.h"
#include "mm/uaccess.h"
#include "rusage.h"
#include "syscall.h"
#include "task.h"

void rusage_of(const struct task_group_s *t, int who, struct rusage *ru)
{
	KASSERT(spin_holding(&task_lock));
	memset(ru, 0, sizeof(*ru));
	if (who != RUSAGE_CHILDREN) {
		ru->ru_nvcsw = t->nvcsw;
		ru->ru_nivcsw = t->nivcsw;
	}
	if (who != RUSAGE_SELF) {
		ru->ru_nvcsw += t->child_nvcsw;
		ru->ru_nivcsw += t->child_nivcsw;
	}
}

long sys_getrusage(int who, uintptr_t uusage)
{
	struct rusage ru;
	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN)
		return -EINVAL;
	spin_lock(&task_lock);
	rusage_of(this_task(), who, &ru);
	spin_unlock(&task_lock);
	return copyout(uusage, &ru, sizeof(ru));
}
