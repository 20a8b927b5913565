/* Dies by SIGSEGV: the run's status is 128 + 11. */
int main(void)
{
	return *(volatile int *)0x30000000;
}
