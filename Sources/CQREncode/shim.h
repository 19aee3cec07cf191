// libqrencode (Debian: libqrencode-dev), the QR encoder of the EPC payment codes on letters.
#include <qrencode.h>
