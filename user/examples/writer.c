/* Two unrelated programs meet at a key made by ftok(). Run with reader.c:
 *     make run PROG="user/examples/writer.c user/examples/reader.c"            */
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
	int shmid = shmget(key, sizeof(struct board), IPC_CREAT | 0666);
	if (shmid == -1) {
		perror("writer: shmget");
		return 1;
	}
	struct board *b = shmat(shmid, NULL, 0);
	if (b == (void *)-1) {
		perror("writer: shmat");
		return 1;
	}
	strcpy(b->text, "the quick brown fox jumps over the lazy dog");
	__sync_synchronize();
	b->ready = 1;
	printf("writer: posted a message at key 0x%x\n", (unsigned)key);
	while (b->ready != 2) /* the reader says it is done */
		usleep(1000);
	shmdt(b);
	shmctl(shmid, IPC_RMID, NULL);
	printf("writer: reader is done; segment removed\n");
	return 0;
}
