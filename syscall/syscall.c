/* Dispatch: the number in a7 picks a handler; the arguments come from a0..a5. */
#include "syscall.h"

#include "errno.h"
#include "kernel.h"

typedef long syscall_fn(const uint64_t *a);

/* One adapter per syscall turns the raw registers into the handler's typed arguments. */
#define SYSCALL(nr, name, params, args)                                                            \
	static long call_##name(const uint64_t *a)                                                 \
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

long syscall_dispatch(const struct trapframe *tf)
{
	const uint64_t a[6] = { tf->a0, tf->a1, tf->a2, tf->a3, tf->a4, tf->a5 };
	if (tf->a7 >= ARRAY_SIZE(syscall_table) || !syscall_table[tf->a7])
		return -ENOSYS;
	return syscall_table[tf->a7](a);
}
