/* What perm_fixtures.c (root) and perm_user.c (uid 1000, gid 100) agree on. */
#pragma once

#include <sys/shm.h>

#include "shmtest.h"

#define USER_UID 1000
#define USER_GID 100
#define OTHER_UID 2000
#define OTHER_GID 200

#define CTL_KEY ((key_t)0x5fff)
#define FIX_KEY(i) ((key_t)(0x5000 + (i)))

/* Segments root makes for the user: uid, gid and mode set with IPC_SET; cuid and cgid 0,
 * except FIX_CGID, made while root's gid was USER_GID. */
enum fixture {
	FIX_OWNER_RW,     /* uid user, 0600 */
	FIX_OWNER_R,      /* uid user, 0400 */
	FIX_OWNER_NONE,   /* uid user, gid user's, 0066: the owner class alone decides */
	FIX_GROUP_RW,     /* gid user's, 0060 */
	FIX_GROUP_NONE,   /* gid user's, 0606 */
	FIX_OTHER_RW,     /* 0006 */
	FIX_OTHER_NONE,   /* 0660 */
	FIX_OTHER_R,      /* 0004 */
	FIX_OTHER_W,      /* 0002 */
	FIX_NONE,         /* 0000 */
	FIX_CGID,         /* cgid user's, gid other, 0060 */
	FIX_OWNER_MODE0,  /* uid user, 0000: the user may IPC_SET and IPC_RMID it */
	FIX_NOT_OWNER,    /* gid user's, 0666: full access, but not the owner */
	FIX_GIVE_AWAY,    /* uid user, 0600: the user gives it to OTHER_UID */
	FIX_OWNER_REMOVE, /* uid user, 0600: the user removes it */
	NFIX
};

struct control {
	volatile int ready; /* root: the fixtures exist */
	volatile int done;  /* user: every test has run */
	int ids[NFIX];
};
