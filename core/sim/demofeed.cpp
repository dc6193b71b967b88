// placeholder, being written
#include "demofeed.h"
