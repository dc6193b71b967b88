// placeholder, being written
#include "storelog.h"
