/* The other half of ping.c. */
#include <sched.h>
#include <stdio.h>

#include "turns.h"

int main(void)
{
	unsigned long start = now();
	int id;
	while ((id = shmget(TURNS_KEY, 0, 0)) < 0 && now() - start < DEADLINE)
		sched_yield(); /* ping has not made it yet */
	struct turns *t = id < 0 ? FAILED : shmat(id, NULL, 0);
	if (t == FAILED) {
		perror("pong");
		return 1;
	}
	int ok = 1;
	for (int i = 0; i < ROUNDS && ok; i++)
		ok = take_turn(t, 2 * i + 1, "pong", i);
	ok = ok && wait_for(&t->turn, SPIN);
	printf(ok ? "pong done\n" : "pong: ping did not take all its turns\n");
	t->pong_done = ok;
	shmdt(t);
	return ok ? 0 : 1;
}
