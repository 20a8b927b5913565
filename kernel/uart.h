/* The console's UART. */
#pragma once

#include <stdint.h>

/* Send one byte, waiting for room in the transmitter. Caller holds the console lock. */
void uart_putc(int c);
