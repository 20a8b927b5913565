/* Time: clock_gettime from the RTC and the time CSR, and nanosleep on the scheduler. */
#include "errno.h"
#include "kernel.h"
#include "mm/uaccess.h"
#include "rtc.h"
#include "rusage.h"
#include "syscall.h"
#include "task.h"
#include "timer.h"

/* Linux's clocks. The coarse, raw and boot-time ones are the same clocks here: the RTC and
 * the time CSR are exact, nothing adjusts them, and the machine never suspends. */
enum clock_id {
	CLOCK_REALTIME = 0,
	CLOCK_MONOTONIC = 1,
	CLOCK_PROCESS_CPUTIME_ID = 2, /* its threads' time on a hart, kernel time included */
	CLOCK_THREAD_CPUTIME_ID = 3,  /* the calling thread's alone */
	CLOCK_MONOTONIC_RAW = 4,
	CLOCK_REALTIME_COARSE = 5,
	CLOCK_MONOTONIC_COARSE = 6,
	CLOCK_BOOTTIME = 7,
	CLOCK_TAI = 11, /* Linux's TAI is REALTIME plus an offset that only NTP sets: 0 here */
};
/* ticks of the time CSR as a timespec. */
static struct kernel_timespec timespec_of(uint64_t ticks)
{
	uint64_t hz = timer_hz();
	return (struct kernel_timespec){ (int64_t)(ticks / hz),
					 (int64_t)((ticks % hz) * NSEC_PER_SEC / hz) };
}

long sys_clock_gettime(int clock, uintptr_t uts)
{
	struct kernel_timespec ts;
	uint64_t ns;
	switch (clock) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_TAI:
		ns = rtc_nanoseconds();
		ts = (struct kernel_timespec){ (int64_t)(ns / NSEC_PER_SEC),
					       (int64_t)(ns % NSEC_PER_SEC) };
		break;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		ts = timespec_of(timer_now());
		break;
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		spin_lock(&task_lock);
		ts = timespec_of(clock == CLOCK_THREAD_CPUTIME_ID
				     ? rusage_thread_ticks(this_thread())
				     : rusage_group_ticks(this_group()));
		spin_unlock(&task_lock);
		break;
	default:
		return -EINVAL;
	}
	return copyout(uts, &ts, sizeof(ts));
}

long sys_nanosleep(uintptr_t ureq, uintptr_t urem)
{
	struct kernel_timespec req;
	if (copyin(&req, ureq, sizeof(req)) != 0)
		return -EFAULT;
	if (!timespec_valid(&req))
		return -EINVAL;
	struct tcb_s *t = this_thread();
	spin_lock(&task_lock);
	t->wake_time = timer_deadline(&req);
	timed_sleepers++;
	while (t->wake_time && !t->group->dying)
		sleep_on(&t->wake_time); /* the scheduler wakes us when wake_time passes */
	t->wake_time = 0;
	timed_sleepers--;
	spin_unlock(&task_lock);
	/* Linux writes *urem only when a signal cuts the sleep short; here every signal that
	 * wakes a sleeper ends the process, so a sleep always runs its course. */
	(void)urem;
	return 0;
}
