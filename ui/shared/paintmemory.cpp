// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "paintmemory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace PaintMemory {

void keepLargeBlocksForReuse()
{
#if defined(__GLIBC__)
    // Up to the pixmap cache's own bound (64 MiB) is reused, never handed back and faulted in
    // again; past twice that, free memory at the heap's top still goes back to the system.
    mallopt(M_MMAP_THRESHOLD, 64 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 128 * 1024 * 1024);
#endif
}

void releaseFreeMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

} // namespace PaintMemory
