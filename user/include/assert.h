/* assert(): on failure, print glibc's message and abort. NDEBUG turns it off. As C asks, each
 * inclusion defines assert anew, by whether NDEBUG is defined there. */
#undef assert
#ifdef NDEBUG
#define assert(e) ((void)0)
#else
#define assert(e) ((e) ? (void)0 : __assert_fail(#e, __FILE__, __LINE__, __func__))
#endif

#ifndef RVSHM_ASSERT_H
#define RVSHM_ASSERT_H
#define static_assert _Static_assert

/* Print "PROG: FILE:LINE: FUNC: Assertion `EXPR' failed." to stderr, then abort. */
void __assert_fail(const char *expr, const char *file, unsigned line, const char *func)
    __attribute__((noreturn));
#endif
