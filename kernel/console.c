/* The console: kprintf and user writes to fd 1 and 2 share one lock, so lines never mix. */
#include <stdarg.h>

#include "errno.h"
#include "kernel.h"
#include "lib/vformat.h"
#include "mm/uaccess.h"
#include "spinlock.h"
#include "syscall.h"
#include "timer.h"
#include "uart.h"

static struct spinlock console_lock = SPINLOCK_INIT("console");
static int user_line_open; /* a process's last write ended mid-line; guarded by console_lock */

/* Put s[0..n) on the console for a process (from_user) or the kernel. A kernel line that
 * follows a process's unfinished line starts on a line of its own. */
static void console_put(const char *s, size_t n, int from_user)
{
	if (n == 0)
		return;
	spin_lock(&console_lock);
	if (!from_user && user_line_open)
		uart_putc('\r'), uart_putc('\n');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			uart_putc('\r');
		uart_putc(s[i]);
	}
	user_line_open = from_user && s[n - 1] != '\n';
	spin_unlock(&console_lock);
}

int kformat(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vformat_buf(buf, size, fmt, ap);
	va_end(ap);
	return size == 0 ? 0 : n < (int)size ? n : (int)size - 1;
}

void narrate_pause(void)
{
	if (kernel_verbose && kernel_pace)
		timer_pause(timer_hz() * 3 / 2); /* a second and a half */
}

void kprintf(const char *fmt, ...)
{
	char line[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vformat_buf(line, sizeof(line), fmt, ap);
	va_end(ap);
	console_put(line, n < (int)sizeof(line) ? (size_t)n : sizeof(line) - 1, 0);
}

/* A write's most bytes: the kernel runs with interrupts off, so one huge write must not keep
 * every other process off the hart. Callers write the rest, as POSIX allows for. */
#define WRITE_MAX 4096

/* write(fd, buf, n) for the console, the only file there is: fd 1 and 2. Like a POSIX write
 * that stops early, a buffer that goes bad part way gives the count written before it. */
long sys_write(int fd, uintptr_t ubuf, size_t n)
{
	char chunk[128];
	if (fd != 1 && fd != 2)
		return -EBADF;
	if (!access_ok(ubuf, n)) /* even for n == 0, as on Linux */
		return -EFAULT;
	if (n > WRITE_MAX)
		n = WRITE_MAX;
	size_t done = 0;
	while (done < n) {
		size_t len = n - done < sizeof(chunk) ? n - done : sizeof(chunk);
		if (copyin(chunk, ubuf + done, len) != 0)
			return done ? (long)done : -EFAULT;
		console_put(chunk, len, 1);
		done += len;
	}
	return (long)done;
}
