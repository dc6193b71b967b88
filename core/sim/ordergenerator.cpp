// placeholder, being written
#include "ordergenerator.h"
