// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/**
 * The board keeps painted tickets as pixmaps of a few hundred kilobytes each, made and dropped as
 * tickets change. The C library hands blocks that large straight back to the system, so every new
 * pixmap starts with fresh pages and a page fault per 4 KiB: on a virtual machine that made a
 * ticket's pixmap cost five times its painting. Keeping such blocks for reuse inside the process
 * makes a new pixmap cost what its painting costs. Call once at start, before any window; does
 * nothing where the C library has no such setting.
 */
namespace PaintMemory {
void keepLargeBlocksForReuse();
/**
 * Hands the free memory kept for reuse back to the system: after a burst far larger than a
 * board (a catch-up), what it left free would otherwise stay the process's for good.
 */
void releaseFreeMemory();
} // namespace PaintMemory
