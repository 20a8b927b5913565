/* getopt, as <unistd.h> declares it: for programs written for glibc, which include this. */
#pragma once

#include <unistd.h>
