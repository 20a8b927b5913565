/* The region table, NuttX's shm_initialize: it starts empty (every slot unused, all zero) with
 * its lock ready, and a static initializer does that before the kernel runs, so nothing needs
 * to be called at boot. */
#include "shm.h"

struct shm_info_s g_shminfo = { .lock = SPINLOCK_INIT("shm") };
