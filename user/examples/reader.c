/* The other half of writer.c: waits for the key to appear, then reads the message. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/shm.h>
#include <unistd.h>

struct board {
	volatile int ready;
	char text[200];
};

int main(void)
{
	key_t key = ftok("/rvshm/board", 'B');
	int shmid;
	while ((shmid = shmget(key, sizeof(struct board), 0)) == -1 && errno == ENOENT)
		usleep(1000);
	if (shmid == -1) {
		perror("reader: shmget");
		return 1;
	}
	struct board *b = shmat(shmid, NULL, SHM_RDONLY);
	if (b == (void *)-1) {
		perror("reader: shmat");
		return 1;
	}
	while (!b->ready)
		usleep(1000);
	__sync_synchronize();
	printf("reader: got \"%s\"\n", b->text);
	int ok = strcmp(b->text, "the quick brown fox jumps over the lazy dog") == 0;
	shmdt(b);
	/* Tell the writer through a read-write attachment of our own. */
	struct board *rw = shmat(shmid, NULL, 0);
	rw->ready = 2;
	shmdt(rw);
	return ok ? 0 : 1;
}
