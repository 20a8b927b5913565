/* Boot programs start in order, this one first. Before anything else it kills the next one,
 * which has never run: that program must die without running a single instruction. */
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

int main(void)
{
	int killed = kill(getpid() + 1, SIGKILL);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	/* Not once off the hart before the kill: so the victim cannot have run (this suite runs
	 * on one hart, on virtual time, where no tick comes this early). */
	int first = killed == 0 && ru.ru_nvcsw + ru.ru_nivcsw == 0;
	printf("%s the_victim_was_killed_before_it_could_first_run\n", first ? "PASS" : "FAIL");
	return !first;
}
