/* Never exits: make run must stop it at TIMEOUT and say so. */
int main(void)
{
	for (;;)
		;
}
