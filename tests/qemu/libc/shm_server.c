/* The classic shm_server of the textbooks, unchanged but for its report: it makes a segment at
 * key 5678, fills it with the alphabet, and waits until the client (shm_client.c) puts a '*'
 * at its start. Then, TLPI-style, it reports the segment with shmctl(IPC_STAT) and ctime, and
 * removes it from an atexit handler. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#define SHMSZ 27

static int shmid;

static void remove_segment(void)
{
	if (shmctl(shmid, IPC_RMID, NULL) == -1)
		perror("shmctl");
	else
		printf("server: segment removed at exit\n");
}

int main(void)
{
	char c;
	key_t key;
	char *shm, *s;
	struct shmid_ds ds;

	key = 5678;
	if ((shmid = shmget(key, SHMSZ, IPC_CREAT | S_IRUSR | S_IWUSR | S_IRGRP | S_IWGRP)) < 0) {
		perror("shmget");
		exit(1);
	}
	atexit(remove_segment);
	if ((shm = shmat(shmid, NULL, 0)) == (char *)-1) {
		perror("shmat");
		exit(1);
	}
	s = shm;
	for (c = 'a'; c <= 'z'; c++)
		*s++ = c;
	*s = '\0';
	while (*shm != '*')
		sleep(1);

	if (shmctl(shmid, IPC_STAT, &ds) == -1) {
		perror("shmctl");
		exit(EXIT_FAILURE);
	}
	printf("server: size %zu, mode %o, page size %ld\n", ds.shm_segsz, ds.shm_perm.mode & 0777,
	       sysconf(_SC_PAGESIZE));
	printf("server: last attach %s", ctime(&ds.shm_atime));
	printf("server: %.1f seconds since the last attach\n", difftime(time(NULL), ds.shm_atime));
	shmdt(shm);
	exit(EXIT_SUCCESS);
}
