// placeholder, being written
#include "secrethasher.h"
