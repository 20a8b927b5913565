/* Does not compile: make run must show GCC's own error. */
int main(void)
{
	return undeclared_name;
}
