// placeholder, being written
#include "credentialstore.h"
