/* Character classes of the "C" locale: ASCII. Bytes 128..255 and EOF belong to no class.
 * The argument is an unsigned char's value or EOF, as the C standard asks. */
#pragma once

int isdigit(int c);
int isxdigit(int c);
int isupper(int c);
int islower(int c);
int isalpha(int c);
int isalnum(int c);
int isspace(int c);
int isblank(int c);
int iscntrl(int c);
int isprint(int c);
int isgraph(int c);
int ispunct(int c);
int toupper(int c);
int tolower(int c);
