/* malloc over an sbrk heap: a first-fit free list, kept in address order so that
 * neighbouring free blocks merge. Every block starts with a header that gives its size. One
 * mutex guards the list, for threads. */
#include <errno.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "thread.h"

struct block {
	size_t size;        /* bytes after the header */
	struct block *next; /* next free block (only while free) */
};

#define HDR sizeof(struct block)
#define ALIGN_UP(n) (((n) + 15) & ~(size_t)15)

static struct block *free_list;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

void __malloc_lock(void)
{
	pthread_mutex_lock(&lock);
}

void __malloc_unlock(void)
{
	pthread_mutex_unlock(&lock);
}

static void release(void *ptr);

/* Grow the heap by at least size bytes and put the new space on the free list. */
static int grow(size_t size)
{
	size_t bytes = ALIGN_UP(size + HDR);
	if (bytes < 16384)
		bytes = 16384;
	struct block *b = sbrk((long)bytes);
	if (b == (void *)-1)
		return -1;
	b->size = bytes - HDR;
	release((char *)b + HDR);
	return 0;
}

/* malloc, with the lock held. */
static void *alloc(size_t size)
{
	if (size > SIZE_MAX / 2) {
		errno = ENOMEM;
		return NULL;
	}
	size = ALIGN_UP(size ? size : 1);
	for (int tries = 0; tries < 2; tries++) {
		for (struct block **p = &free_list; *p; p = &(*p)->next) {
			struct block *b = *p;
			if (b->size < size)
				continue;
			if (b->size >= size + HDR + 16) { /* split: the tail stays free */
				struct block *rest = (struct block *)((char *)b + HDR + size);
				rest->size = b->size - size - HDR;
				rest->next = b->next;
				b->size = size;
				*p = rest;
			} else {
				*p = b->next;
			}
			return (char *)b + HDR;
		}
		if (grow(size) != 0)
			break;
	}
	errno = ENOMEM;
	return NULL;
}

/* The free block whose next field is at p, the list's link before b's place; NULL for the
 * list's head. */
static struct block *block_of_link(struct block **p)
{
	return p == &free_list ? NULL : (struct block *)((char *)p - offsetof(struct block, next));
}

/* A pointer freed twice: stop the program, as glibc does, before the free list is ruined. */
static void double_free(void)
{
	static const char msg[] = "free(): double free detected\n";
	write(STDERR_FILENO, msg, sizeof(msg) - 1);
	abort();
}

/* free, with the lock held. */
static void release(void *ptr)
{
	struct block *b = (struct block *)((char *)ptr - HDR), **p = &free_list;
	while (*p && *p < b)
		p = &(*p)->next;
	struct block *prev = block_of_link(p);
	/* Already on the list, or inside the free block before it: freed already. */
	if (*p == b || (prev && (char *)prev + HDR + prev->size > (char *)b))
		double_free();
	b->next = *p;
	*p = b;
	if (b->next && (char *)b + HDR + b->size == (char *)b->next) { /* merge with next */
		b->size += HDR + b->next->size;
		b->next = b->next->next;
	}
	if (prev && (char *)prev + HDR + prev->size == (char *)b) { /* merge with the previous */
		prev->size += HDR + b->size;
		prev->next = b->next;
	}
}

/* Returns 16-byte aligned memory, or NULL with errno ENOMEM. malloc(0) returns a distinct
 * pointer that free accepts, as glibc's does. */
void *malloc(size_t size)
{
	__malloc_lock();
	void *p = alloc(size);
	__malloc_unlock();
	return p;
}

void free(void *ptr)
{
	if (!ptr)
		return;
	__malloc_lock();
	release(ptr);
	__malloc_unlock();
}

void *calloc(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	void *p = malloc(n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

void *realloc(void *ptr, size_t size)
{
	if (!ptr)
		return malloc(size);
	if (size == 0) {
		free(ptr);
		return NULL;
	}
	struct block *b = (struct block *)((char *)ptr - HDR);
	if (b->size >= size)
		return ptr;
	void *n = malloc(size);
	if (n) {
		memcpy(n, ptr, b->size);
		free(ptr);
	}
	return n;
}
