/* strerror: a message for each errno the kernel returns. */
#include <errno.h>
#include <string.h>

static const char *const messages[] = {
	[0] = "Success",
	[EPERM] = "Operation not permitted",
	[ENOENT] = "No such file or directory",
	[ESRCH] = "No such process",
	[EINTR] = "Interrupted system call",
	[EIO] = "Input/output error",
	[E2BIG] = "Argument list too long",
	[ENOEXEC] = "Exec format error",
	[EBADF] = "Bad file descriptor",
	[ECHILD] = "No child processes",
	[EAGAIN] = "Resource temporarily unavailable",
	[ENOMEM] = "Cannot allocate memory",
	[EACCES] = "Permission denied",
	[EFAULT] = "Bad address",
	[EBUSY] = "Device or resource busy",
	[EEXIST] = "File exists",
	[EINVAL] = "Invalid argument",
	[EMFILE] = "Too many open files",
	[ENOSPC] = "No space left on device",
	[ERANGE] = "Numerical result out of range",
	[ENOSYS] = "Function not implemented",
	[EIDRM] = "Identifier removed",
};

char *strerror(int errnum)
{
	if (errnum >= 0 && errnum < (int)(sizeof(messages) / sizeof(messages[0])) &&
	    messages[errnum])
		return (char *)messages[errnum];
	return "Unknown error";
}
