/* System calls: a7 = number, a0..a5 = arguments, a0 = result or a negative errno. */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "trapframe.h"

/* Every handler's prototype, from syscalls.def. */
#define SYSCALL(nr, name, params, args) long sys_##name params;
#include "syscalls.def"
#undef SYSCALL

/* Run the syscall tf asks for. Returns the value for a0: -ENOSYS for an unknown number. */
long syscall_dispatch(const struct trapframe *tf);
