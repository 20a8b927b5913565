/* Dispatch: the number in a7 picks a handler; the arguments come from a0..a5. */
#include "syscall.h"

#include "errno.h"
#include "kernel.h"

/* a points at the saved a0; a[0]..a[5] are the arguments. */
typedef long syscall_fn(const uint64_t *a);

/* One adapter per syscall turns the raw registers into the handler's typed arguments. Each
 * is a plain tail call, so it needs no frame of its own even in a frame-pointer kernel. */
#define SYSCALL(nr, name, params, args)                                                            \
	__attribute__((optimize("omit-frame-pointer"))) static long call_##name(const uint64_t *a) \
	{                                                                                          \
		(void)a;                                                                           \
		return sys_##name args;                                                            \
	}
#include "syscalls.def"
#undef SYSCALL

static syscall_fn *const syscall_table[] = {
#define SYSCALL(nr, name, params, args) [nr] = call_##name,
#include "syscalls.def"
#undef SYSCALL
};

__attribute__((optimize("omit-frame-pointer"))) long syscall_dispatch(const struct trapframe *tf)
{
	if (tf->a7 >= ARRAY_SIZE(syscall_table) || !syscall_table[tf->a7])
		return -ENOSYS;
	return syscall_table[tf->a7](&tf->a0); /* a0..a5 lie in order in the trapframe */
}
