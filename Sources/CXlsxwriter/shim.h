// libxlsxwriter (Debian's libxlsxwriter-dev), the C library that writes Excel workbooks, as a system library.
#include <xlsxwriter.h>
