/* POSIX process, identity and I/O calls. */
#pragma once

#include <stddef.h>
#include <sys/types.h>

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

/* sysconf names (Linux values) */
#define _SC_CLK_TCK 2
#define _SC_NGROUPS_MAX 3
#define _SC_OPEN_MAX 4
#define _SC_PAGESIZE 30
#define _SC_PAGE_SIZE _SC_PAGESIZE
#define _SC_NPROCESSORS_CONF 83
#define _SC_NPROCESSORS_ONLN 84

ssize_t write(int fd, const void *buf, size_t n);
int isatty(int fd);
pid_t fork(void);
pid_t vfork(void); /* fork: the child gets a copy, not the parent's memory */
pid_t getpgrp(void);
pid_t getpid(void);
pid_t getppid(void);
#ifdef _GNU_SOURCE
pid_t gettid(void); /* the calling thread's id; a process's first thread's is its pid */
#endif
__attribute__((noreturn)) void _exit(int status);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
int setuid(uid_t uid);
int setgid(gid_t gid);
/* The real, effective and saved ids, with Linux's rules: without privilege a process may
 * move each among the three it has; an effective uid of 0 may set any. (uid_t)-1 as an
 * argument of setreuid or setresuid leaves that id as it is. */
int seteuid(uid_t euid);
int setegid(gid_t egid);
int setreuid(uid_t ruid, uid_t euid);
int setregid(gid_t rgid, gid_t egid);
#ifdef _GNU_SOURCE
int setresuid(uid_t ruid, uid_t euid, uid_t suid);
int setresgid(gid_t rgid, gid_t egid, gid_t sgid);
int getresuid(uid_t *ruid, uid_t *euid, uid_t *suid);
int getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid);
#endif
/* The supplementary groups: how many, and if size is not 0 the groups into list (sorted). */
int getgroups(int size, gid_t list[]);
unsigned sleep(unsigned seconds);
int usleep(useconds_t usec);
void *sbrk(long increment);
long syscall(long number, ...);
long sysconf(int name);
int getpagesize(void);

/* The next option letter of argv from optstring, or -1 after the last; '?' for an unknown
 * option or one missing its argument (':' for the latter if optstring begins with ':'). */
int getopt(int argc, char *const argv[], const char *optstring);
extern char *optarg; /* the argument of the option just returned */
extern int optind;   /* the index in argv of the next argument to read */
extern int opterr;   /* 0: print no error messages */
extern int optopt;   /* the option letter that was unknown or missing its argument */
