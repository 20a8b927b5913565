/* vmprint(): a program can ask the kernel to print its own page table. */
#include <rvshm.h>
#include <sys/shm.h>

#include "utest.h"

TEST(vmprint_shows_a_shared_attachment_and_returns_zero)
{
	int id = EXPECT_OK(shmget(IPC_PRIVATE, 2 * 4096, 0600));
	volatile char *p = shmat(id, (void *)0x40200000, SHM_RDONLY);
	EXPECT(p == (void *)0x40200000);
	(void)p[0]; /* lazy kernels map each page at its first touch */
	(void)p[4096];
	EXPECT_EQ(vmprint(), 0);
	EXPECT_OK(shmdt((void *)p));
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
}
