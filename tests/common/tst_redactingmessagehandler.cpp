// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/redactingmessagehandler.h"
#include "testcards.h"

#include <QLoggingCategory>
#include <QStringList>
#include <QTest>

namespace {
Q_LOGGING_CATEGORY(lcTest, "kc.test.redaction")

// What reached the handler below the redacting one: what a program would write.
QStringList written;

void keep(QtMsgType, const QMessageLogContext &, const QString &message)
{
    written.append(message);
}
} // namespace

// Every log line is masked before the handler that writes it sees it, and that handler is back in
// place once the redacting one is gone.
class TestRedactingMessageHandler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void masksEveryLineAndChainsToThePreviousHandler();
};

void TestRedactingMessageHandler::masksEveryLineAndChainsToThePreviousHandler()
{
    const QString visa = TestCards::number("visa_spaced");
    QVERIFY(!visa.isEmpty());
    written.clear();
    const QtMessageHandler qtOwn = qInstallMessageHandler(keep);
    {
        const RedactingMessageHandler redacting;
        qCWarning(lcTest).noquote() << "refused: card" << visa << "for order 181, +1 415 555 0100";
        qCInfo(lcTest) << "note" << TestCards::number("mastercard");
        qWarning("%s", qUtf8Printable(TestCards::number("visa_dashed")));
    }
    qCWarning(lcTest).noquote() << "after:" << visa;
    qInstallMessageHandler(qtOwn);

    QCOMPARE(written.size(), 4);
    QCOMPARE(written.at(0), QStringLiteral("refused: card •••• 1111 for order 181, +1 415 555 0100"));
    QCOMPARE(written.at(1), QStringLiteral("note \"•••• 4444\""));
    QCOMPARE(written.at(2), QStringLiteral("•••• 1111"));
    // Gone, it put the previous handler back: the lines are that handler's alone again.
    QCOMPARE(written.at(3), QStringLiteral("after: ") + visa);
}

QTEST_GUILESS_MAIN(TestRedactingMessageHandler)
#include "tst_redactingmessagehandler.moc"
