/* Credentials (kernel/cred.h): the system calls that read and change a process's ids, with
 * Linux's rules (its kernel/sys.c and kernel/groups.c). Root here is an effective user id of
 * 0, which on Linux carries CAP_SETUID and CAP_SETGID: it may set any id. */
#include "cred.h"

#include "errno.h"
#include "mm/uaccess.h"
#include "syscall.h"
#include "task.h"

/* The id that names no one: as an argument of setreuid and setresuid, "leave this one". */
#define NO_ID ((unsigned)-1)

enum { REAL, EFFECTIVE, SAVED };

/* The three ids of one kind in a process's credentials: its user ids or its group ids. */
struct id_kind {
	unsigned *id[3]; /* real, effective, saved */
};

static struct id_kind user_ids(struct cred_s *c)
{
	return (struct id_kind){ { &c->uid, &c->euid, &c->suid } };
}

static struct id_kind group_ids(struct cred_s *c)
{
	return (struct id_kind){ { &c->gid, &c->egid, &c->sgid } };
}

/* The calls that set ids, each with its own rule. */
enum id_call { SETID, SETREID, SETRESID };

/* Is id one of old's three, which a process may always take back without privilege? */
static int one_of(const unsigned old[3], unsigned id)
{
	return id == old[REAL] || id == old[EFFECTIVE] || id == old[SAVED];
}

/* The ids call asks for, want[] (NO_ID: leave that one), by Linux's rules, from the ids old[]
 * into new[]. Returns 0, or -EPERM if the caller is not privileged and asks for an id the rule
 * does not give it; new[] is then unchanged. */
static long apply_rule(enum id_call call, const unsigned want[3], int privileged,
		       const unsigned old[3], unsigned new[3])
{
	unsigned id[3] = { old[REAL], old[EFFECTIVE], old[SAVED] };
	switch (call) {
	case SETID: /* root: all three; anyone else: the effective id, to the real or saved one */
		if (privileged)
			id[REAL] = id[EFFECTIVE] = id[SAVED] = want[EFFECTIVE];
		else if (want[EFFECTIVE] == old[REAL] || want[EFFECTIVE] == old[SAVED])
			id[EFFECTIVE] = want[EFFECTIVE];
		else
			return -EPERM;
		break;
	case SETREID: /* the real id from the real or effective one, the effective from any */
		if (want[REAL] != NO_ID && !privileged && want[REAL] != old[REAL] &&
		    want[REAL] != old[EFFECTIVE])
			return -EPERM;
		if (want[EFFECTIVE] != NO_ID && !privileged && !one_of(old, want[EFFECTIVE]))
			return -EPERM;
		for (int i = REAL; i <= EFFECTIVE; i++)
			if (want[i] != NO_ID)
				id[i] = want[i];
		/* The saved id follows a new effective one, unless that is just the real id. */
		if (want[REAL] != NO_ID ||
		    (want[EFFECTIVE] != NO_ID && want[EFFECTIVE] != old[REAL]))
			id[SAVED] = id[EFFECTIVE];
		break;
	case SETRESID: /* each from any of the three */
		for (int i = REAL; i <= SAVED; i++) {
			if (want[i] == NO_ID)
				continue;
			if (!privileged && !one_of(old, want[i]))
				return -EPERM;
			id[i] = want[i];
		}
		break;
	}
	for (int i = REAL; i <= SAVED; i++)
		new[i] = id[i];
	return 0;
}

/* Set the ids of one kind (kind_of: user_ids or group_ids) of the calling process by call's
 * rule. Under task_lock, so that kill, on another hart, sees the ids before or after, never
 * half set. Returns 0 or -EPERM. */
static long set_ids(struct id_kind (*kind_of)(struct cred_s *), enum id_call call, unsigned r,
		    unsigned e, unsigned s)
{
	struct cred_s *c = &this_group()->cred;
	struct id_kind k = kind_of(c);
	const unsigned want[3] = { r, e, s };
	spin_lock(&task_lock);
	unsigned old[3] = { *k.id[REAL], *k.id[EFFECTIVE], *k.id[SAVED] }, new[3];
	long err = apply_rule(call, want, c->euid == 0, old, new);
	for (int i = REAL; i <= SAVED && err == 0; i++)
		*k.id[i] = new[i];
	spin_unlock(&task_lock);
	return err;
}

long sys_getuid(void)
{
	return this_group()->cred.uid;
}

long sys_geteuid(void)
{
	return this_group()->cred.euid;
}

long sys_getgid(void)
{
	return this_group()->cred.gid;
}

long sys_getegid(void)
{
	return this_group()->cred.egid;
}

/* POSIX's setuid. (uid_t)-1 names no user: EINVAL, as on Linux. */
long sys_setuid(uid_t uid)
{
	return uid == NO_ID ? -EINVAL : set_ids(user_ids, SETID, NO_ID, uid, NO_ID);
}

long sys_setgid(gid_t gid)
{
	return gid == NO_ID ? -EINVAL : set_ids(group_ids, SETID, NO_ID, gid, NO_ID);
}

long sys_setreuid(uid_t ruid, uid_t euid)
{
	return set_ids(user_ids, SETREID, ruid, euid, NO_ID);
}

long sys_setregid(gid_t rgid, gid_t egid)
{
	return set_ids(group_ids, SETREID, rgid, egid, NO_ID);
}

long sys_setresuid(uid_t ruid, uid_t euid, uid_t suid)
{
	return set_ids(user_ids, SETRESID, ruid, euid, suid);
}

long sys_setresgid(gid_t rgid, gid_t egid, gid_t sgid)
{
	return set_ids(group_ids, SETRESID, rgid, egid, sgid);
}

/* Copy out the three ids of one kind, taken together under task_lock. As on Linux, each is
 * written in turn, and the first bad pointer stops it: -EFAULT. */
static long get_ids(struct id_kind (*kind_of)(struct cred_s *), uintptr_t ureal,
		    uintptr_t ueffective, uintptr_t usaved)
{
	struct id_kind k = kind_of(&this_group()->cred);
	spin_lock(&task_lock);
	unsigned ids[3] = { *k.id[REAL], *k.id[EFFECTIVE], *k.id[SAVED] };
	spin_unlock(&task_lock);
	const uintptr_t to[3] = { ureal, ueffective, usaved };
	for (int i = REAL; i <= SAVED; i++)
		if (copyout(to[i], &ids[i], sizeof(ids[i])) != 0)
			return -EFAULT;
	return 0;
}

long sys_getresuid(uintptr_t uruid, uintptr_t ueuid, uintptr_t usuid)
{
	return get_ids(user_ids, uruid, ueuid, usuid);
}

long sys_getresgid(uintptr_t urgid, uintptr_t uegid, uintptr_t usgid)
{
	return get_ids(group_ids, urgid, uegid, usgid);
}

/* The supplementary groups: their number, and, if size is not 0, the groups themselves into
 * ulist, which must hold them all (else EINVAL). */
long sys_getgroups(int size, uintptr_t ulist)
{
	const struct cred_s *c = &this_group()->cred;
	gid_t groups[NGROUPS_MAX];
	if (size < 0)
		return -EINVAL;
	spin_lock(&task_lock);
	int n = c->ngroups;
	for (int i = 0; i < n; i++)
		groups[i] = c->groups[i];
	spin_unlock(&task_lock);
	if (size == 0)
		return n;
	if (size < n)
		return -EINVAL;
	return copyout(ulist, groups, n * sizeof(gid_t)) != 0 ? -EFAULT : n;
}

/* Root only: make the size groups at ulist the supplementary groups, kept sorted as Linux
 * keeps them (getgroups gives them back in ascending order, duplicates and all). */
long sys_setgroups(int size, uintptr_t ulist)
{
	struct cred_s *c = &this_group()->cred;
	gid_t groups[NGROUPS_MAX];
	if (c->euid != 0)
		return -EPERM;
	if (size < 0 || size > NGROUPS_MAX)
		return -EINVAL;
	if (copyin(groups, ulist, size * sizeof(gid_t)) != 0)
		return -EFAULT;
	for (int i = 0; i < size; i++) {
		if (groups[i] == NO_ID)
			return -EINVAL;
		for (int j = i; j > 0 && groups[j - 1] > groups[j]; j--) {
			gid_t g = groups[j];
			groups[j] = groups[j - 1];
			groups[j - 1] = g;
		}
	}
	spin_lock(&task_lock);
	c->ngroups = size;
	for (int i = 0; i < size; i++)
		c->groups[i] = groups[i];
	spin_unlock(&task_lock);
	return 0;
}
