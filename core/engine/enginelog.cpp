// placeholder, being written
#include "enginelog.h"
