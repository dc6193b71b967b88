// placeholder, being written
#include "orderengine.h"
