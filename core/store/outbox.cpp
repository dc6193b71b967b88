// placeholder, being written
#include "outbox.h"
