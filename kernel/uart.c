/* The ns16550a UART at UART_PA, polled. OpenSBI has already set its baud rate. */
#include "uart.h"

#include "memlayout.h"
#include "mmio.h"

#define UART_THR 0 /* transmit holding register */
#define UART_LSR 5 /* line status register */
#define LSR_THR_EMPTY (1 << 5)

void uart_putc(int c)
{
	volatile uint8_t *uart = mmio(UART_PA);
	while ((uart[UART_LSR] & LSR_THR_EMPTY) == 0)
		;
	uart[UART_THR] = (uint8_t)c;
}
