// placeholder, being written
#include "storeschema.h"
