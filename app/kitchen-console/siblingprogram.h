// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/**
 * A program of ours beside kitchen-console, as the demo starts it: "../<name>/<name>" in the
 * build tree, then "<name>" in the same directory (the install). Its absolute path, or empty
 * when neither is an executable file.
 */
QString findSiblingProgram(const QString &applicationDir, const QString &name);
