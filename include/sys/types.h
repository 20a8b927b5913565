/* POSIX types, as LP64 Linux has them. */
#pragma once

#include <stddef.h>
#include <stdint.h>

typedef long ssize_t;
typedef long off_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int mode_t;
typedef long time_t;
typedef long suseconds_t;        /* microseconds, as in struct timeval */
typedef unsigned int useconds_t; /* microseconds, as usleep takes them */
typedef long clock_t;
typedef int clockid_t;
typedef int key_t;
