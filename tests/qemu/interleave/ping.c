/* Two processes take turns, each yielding the hart until the other has printed its line; then
 * this one spins without a system call until pong has ended, which the timer alone allows. */
#include <stdio.h>

#include "turns.h"

int main(void)
{
	int id = shmget(TURNS_KEY, sizeof(struct turns), IPC_CREAT | 0600);
	struct turns *t = id < 0 ? FAILED : shmat(id, NULL, 0);
	if (t == FAILED) {
		perror("ping");
		return 1;
	}
	int ok = 1;
	for (int i = 0; i < ROUNDS && ok; i++)
		ok = take_turn(t, 2 * i, "ping", i);
	if (ok && wait_for(&t->turn, SPIN - 1)) {
		printf("ping spins\n");
		t->turn = SPIN;
		unsigned long start = now();
		while (!t->pong_done && now() - start < DEADLINE)
			; /* no system call: only the timer's interrupt can give pong the hart */
	}
	ok = t->pong_done;
	printf(ok ? "ping done\n" : "ping: pong did not take all its turns\n");
	shmdt(t);
	shmctl(id, IPC_RMID, NULL);
	return ok ? 0 : 1;
}
