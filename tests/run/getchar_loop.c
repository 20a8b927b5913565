/* The textbook copy loop, with char as textbook code declares it: it must see EOF and end
 * (there is no console input), as it does on x86-64 where char is signed. */
#include <stdio.h>

int main(void)
{
	char c;
	while ((c = getchar()) != EOF)
		putchar(c);
	puts("end of input");
	return 0;
}
