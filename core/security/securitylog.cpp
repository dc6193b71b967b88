// placeholder, being written
#include "securitylog.h"
