#!/bin/sh
# Copy a QEMU console from stdin to stdout without OpenSBI's banner: everything before the
# kernel's first line ("rvshm: ..."), and the serial port's carriage returns.
tr -d '\r' | awk 'booted || /^rvshm: / { booted = 1; print; fflush() }'
