// placeholder, being written
#include "projectionverifier.h"
