/* The end of the run: every process has exited. */
#pragma once

/* Record the page count at the end of boot, for the power-off accounting line. */
void shutdown_record_boot(void);

/* Remember how a process started at boot ended; the first failure sets the exit status. */
void shutdown_note_exit(int wait_status);

/* Print the accounting line and power off: status 0 if every boot process exited 0. */
__attribute__((noreturn)) void shutdown(void);
