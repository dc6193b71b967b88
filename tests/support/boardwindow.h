// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The board's whole window over a BoardFixture's session, shown as a cook sees it. Apart from
// guitestsupport.h because it needs kc_ui, which a test of the session alone does not link.

#include "guitestsupport.h"

#include "board/mainwindow.h"
#include "settings/boardoptions.h"

#include <QSize>
#include <QtTest/QTest>

#include <memory>

/**
 * A MainWindow on the fixture's session (its kitchen services started), resized, shown and waited
 * on until exposed. Not exposed is logged, not failed: what the test checks next decides.
 */
inline std::unique_ptr<MainWindow> showBoardWindow(BoardFixture &fixture, const QSize &size,
                                                   const BoardOptions &options = {})
{
    auto window = std::make_unique<MainWindow>(fixture.session(), options);
    window->resize(size);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("window not exposed");
    return window;
}
