/* shm_initialize: the region table starts empty, with its lock ready. */
#include "shm.h"

#include "lib/string.h"

struct shm_info_s g_shminfo = { .lock = SPINLOCK_INIT("shm") };

void shm_initialize(void)
{
	spin_lock(&g_shminfo.lock);
	memset(g_shminfo.region, 0, sizeof(g_shminfo.region));
	spin_unlock(&g_shminfo.lock);
}
