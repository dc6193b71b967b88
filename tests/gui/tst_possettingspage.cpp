// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The settings dialog's POS page with real widgets offscreen: the fields follow the vendor, "test
// connection" speaks in words against the Square fake on 127.0.0.1, and Save puts the settings in
// an ini file and the secrets in a real keyring (with-keyring.sh), merged with what was kept.
#include "screenshots.h"

#include "common/clock.h"
#include "fakes/square/squarefake.h"
#include "security/credentialstore.h"
#include "settings/possecretswriter.h"
#include "settings/possettingspage.h"
#include "settings/settingsdialog.h"
#include "shared/touchstyle.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
constexpr qint64 t0 = 1'796'212'800'000; // 2026-12-02T12:00Z
const QString storeId = QStringLiteral("store-1");
const QString service = QStringLiteral("kitchen-console-test-posui");
const QString saved = QStringLiteral("saved — type to replace");
} // namespace

class TestPosSettingsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void fieldsFollowTheVendor_data();
    void fieldsFollowTheVendor();
    void testConnectionSaysConnectedOrWhatFailed();
    void saveWritesTheSettingsAndTheKeychain();
    void anUntouchedSecretKeepsItsSavedValue();
    void cancelWritesNothing();
    void theDialogFitsTheSmallestScreen();

private:
    void openDialog();
    template<typename T>
    T *field(const char *name) const
    {
        return m_dialog->findChild<T *>(QLatin1String(name));
    }
    /** Chooses a vendor as a manager does: the combo box by keys. */
    void chooseVendor(const QString &vendor);
    /** Types into a field as a manager does (clears it first). */
    void type(const char *name, const QString &text);
    void typeGoodSquare();
    QString labelOf(const char *name) const;
    bool writeSecrets(const PosSecrets &secrets);
    /** What the keyring keeps for the store; nullopt when nothing is. */
    std::optional<PosSecrets> keptSecrets();
    QPushButton *button(QDialogButtonBox::StandardButton which) const;

    ManualClock m_clock {t0};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<CredentialStore> m_keychain;
    std::unique_ptr<SquareFake> m_square;
    std::unique_ptr<SettingsDialog> m_dialog;
};

void TestPosSettingsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPosSettingsPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("console.ini")),
                                             QSettings::IniFormat);
    m_keychain = std::make_unique<CredentialStore>(service);
    // Each test starts with nothing kept (the keyring lives as long as the whole run).
    QSignalSpy removed(m_keychain.get(), &CredentialStore::removed);
    QVERIFY(removed.isValid());
    m_keychain->remove(PosSecrets::keychainKey(storeId));
    QVERIFY(removed.wait(10'000));
    m_square = std::make_unique<SquareFake>();
    m_square->setClock([this] { return m_clock.nowMs(); });
    QVERIFY(m_square->listen());
}

void TestPosSettingsPage::cleanup()
{
    if (m_dialog)
        screenshotOnFailure(m_dialog.get());
    m_dialog.reset();
    m_square.reset();
    m_keychain.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestPosSettingsPage::openDialog()
{
    const PosSetup setup {m_settings.get(), m_keychain.get(), &m_clock, storeId};
    m_dialog = std::make_unique<SettingsDialog>(BoardOptions {}, setup);
    m_dialog->resize(1024 - 32, 768 - 32); // as DialogHost fits it over a 1024×768 board
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    auto *tabs = m_dialog->findChild<QTabWidget *>();
    QVERIFY(tabs);
    tabs->setCurrentIndex(tabs->count() - 1);
    QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("POS"));
    QVERIFY(m_dialog->posPage());
}

void TestPosSettingsPage::chooseVendor(const QString &vendor)
{
    auto *combo = field<QComboBox>("pos_vendor");
    combo->setFocus();
    const int wanted = combo->findData(vendor);
    QVERIFY(wanted >= 0);
    while (combo->currentIndex() != wanted)
        QTest::keyClick(combo, combo->currentIndex() < wanted ? Qt::Key_Down : Qt::Key_Up);
}

void TestPosSettingsPage::type(const char *name, const QString &text)
{
    auto *edit = field<QLineEdit>(name);
    QVERIFY2(edit, name);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
    QCOMPARE(edit->text(), text);
}

void TestPosSettingsPage::typeGoodSquare()
{
    chooseVendor(QStringLiteral("square"));
    type("pos_base_url", m_square->baseUrl().toString());
    type("pos_location", QString::fromLatin1(SquareFake::defaultLocation));
    type("pos_token", QString::fromLatin1(SquareFake::defaultToken));
    type("pos_webhook_key", m_square->signatureKey());
}

QString TestPosSettingsPage::labelOf(const char *name) const
{
    auto *form = m_dialog->posPage()->findChild<QFormLayout *>();
    auto *label = qobject_cast<QLabel *>(form->labelForField(field<QWidget>(name)));
    return label ? label->text() : QString();
}

bool TestPosSettingsPage::writeSecrets(const PosSecrets &secrets)
{
    QSignalSpy written(m_keychain.get(), &CredentialStore::written);
    if (!written.isValid())
        return false;
    m_keychain->write(PosSecrets::keychainKey(storeId), secrets.toJson());
    return written.wait(10'000);
}

std::optional<PosSecrets> TestPosSettingsPage::keptSecrets()
{
    CredentialStore reader(service);
    std::optional<std::optional<PosSecrets>> answer;
    connect(&reader, &CredentialStore::readDone, &reader,
            [&answer](const QString &, const QByteArray &json) {
                answer = PosSecrets::fromJson(json);
            });
    connect(&reader, &CredentialStore::failed, &reader,
            [&answer](const QString &) { answer = std::optional<PosSecrets>(); });
    reader.read(PosSecrets::keychainKey(storeId));
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 10'000))
        return {};
    return *answer;
}

QPushButton *TestPosSettingsPage::button(QDialogButtonBox::StandardButton which) const
{
    return m_dialog->findChild<QDialogButtonBox *>()->button(which);
}

void TestPosSettingsPage::fieldsFollowTheVendor_data()
{
    QTest::addColumn<QString>("vendor");
    QTest::addColumn<QStringList>("shown");
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("webhookKey");
    QTest::addColumn<QString>("address");

    QTest::newRow("none") << QString() << QStringList() << QString() << QString() << QString();
    QTest::newRow("square") << QStringLiteral("square")
                            << QStringList {QStringLiteral("pos_location"),
                                            QStringLiteral("pos_token")}
                            << QStringLiteral("Location ID")
                            << QStringLiteral("Webhook signature key")
                            << QStringLiteral("https://connect.squareup.com");
    QTest::newRow("toast") << QStringLiteral("toast")
                           << QStringList {QStringLiteral("pos_location"),
                                           QStringLiteral("pos_client_id"),
                                           QStringLiteral("pos_client_secret"),
                                           QStringLiteral("pos_dining_option"),
                                           QStringLiteral("pos_menu_item")}
                           << QStringLiteral("Restaurant GUID") << QStringLiteral("Webhook secret")
                           << QStringLiteral("https://ws-api.toasttab.com");
    QTest::newRow("clover") << QStringLiteral("clover")
                            << QStringList {QStringLiteral("pos_location"),
                                            QStringLiteral("pos_app_id"),
                                            QStringLiteral("pos_token"),
                                            QStringLiteral("pos_oauth")}
                            << QStringLiteral("Merchant ID")
                            << QStringLiteral("Webhook auth code")
                            << QStringLiteral("https://api.clover.com");
}

void TestPosSettingsPage::fieldsFollowTheVendor()
{
    QFETCH(QString, vendor);
    QFETCH(QStringList, shown);
    QFETCH(QString, location);
    QFETCH(QString, webhookKey);
    QFETCH(QString, address);

    openDialog();
    // Start from another vendor, so the public address has to follow the choice.
    chooseVendor(vendor == QLatin1String("clover") ? QStringLiteral("square")
                                                   : QStringLiteral("clover"));
    chooseVendor(vendor);
    PosSettingsPage *page = m_dialog->posPage();
    const char *vendorFields[] = {"pos_location",      "pos_app_id",   "pos_dining_option",
                                  "pos_menu_item",     "pos_token",    "pos_client_id",
                                  "pos_client_secret", "pos_oauth"};
    for (const char *name : vendorFields) {
        QVERIFY2(field<QWidget>(name)->isVisibleTo(page) == shown.contains(QLatin1String(name)),
                 name);
    }
    const char *everyVendors[] = {"pos_base_url", "pos_webhook_key", "pos_webhook_port",
                                  "pos_webhook_url", "pos_poll_seconds", "pos_test"};
    for (const char *name : everyVendors)
        QVERIFY2(field<QWidget>(name)->isVisibleTo(page) == !vendor.isEmpty(), name);
    if (vendor.isEmpty())
        return;
    QCOMPARE(labelOf("pos_location"), location);
    QCOMPARE(labelOf("pos_webhook_key"), webhookKey);
    QCOMPARE(field<QLineEdit>("pos_base_url")->text(), address);
    QCOMPARE(page->settings().baseUrl, QUrl(address));
    // Secrets are typed blind, and nothing is kept yet.
    for (const char *name : {"pos_token", "pos_webhook_key", "pos_client_secret", "pos_oauth"}) {
        QCOMPARE(field<QLineEdit>(name)->echoMode(), QLineEdit::Password);
        QTRY_COMPARE(field<QLineEdit>(name)->placeholderText(), QStringLiteral("not saved"));
    }
}

void TestPosSettingsPage::testConnectionSaysConnectedOrWhatFailed()
{
    openDialog();
    typeGoodSquare();
    auto *test = field<QPushButton>("pos_test");
    auto *verdict = field<QLabel>("pos_verdict");
    QVERIFY(test->focusPolicy() & Qt::TabFocus);
    QVERIFY(verdict->wordWrap());

    // Pressed by keys, as from a keyboard or bump bar: "Testing…" while it runs, button off.
    test->setFocus();
    QTest::keyClick(test, Qt::Key_Space);
    QCOMPARE(verdict->text(), QStringLiteral("Testing…"));
    QVERIFY(!test->isEnabled());
    QTRY_COMPARE(verdict->text(),
                 QStringLiteral("Connected: Square accepted the sign-in for LOC1."));
    QVERIFY(test->isEnabled());

    type("pos_token", QStringLiteral("not-a-token"));
    QVERIFY(verdict->text().isEmpty()); // the old verdict spoke of another token
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY2(verdict->text().contains(QStringLiteral("refused the access token")),
                 qPrintable(verdict->text()));

    type("pos_token", QString::fromLatin1(SquareFake::defaultToken));
    type("pos_location", QStringLiteral("NOWHERE"));
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY2(verdict->text().contains(QStringLiteral("does not know location NOWHERE")),
                 qPrintable(verdict->text()));

    type("pos_location", QString::fromLatin1(SquareFake::defaultLocation));
    m_square->goAway();
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY2(verdict->text().contains(QStringLiteral("cannot be reached")),
                 qPrintable(verdict->text()));

    // Testing saved nothing.
    QVERIFY(m_settings->allKeys().isEmpty());
    QVERIFY(!keptSecrets());
}

void TestPosSettingsPage::saveWritesTheSettingsAndTheKeychain()
{
    // Tuning set by hand in the file, not on the page: saving leaves it.
    m_settings->setValue(QStringLiteral("pos/sweep_minutes"), 2);
    openDialog();
    typeGoodSquare();
    QTest::keyClick(field<QSpinBox>("pos_webhook_port"), Qt::Key_Up);
    type("pos_webhook_url", QStringLiteral("https://kitchen.example/pos/square"));
    QSignalSpy changed(m_dialog.get(), &SettingsDialog::posSettingsChanged);
    QVERIFY(changed.isValid());
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    QVERIFY(accepted.isValid());

    QTest::mouseClick(button(QDialogButtonBox::Ok), Qt::LeftButton);
    QVERIFY(accepted.wait(10'000));
    QCOMPARE(changed.count(), 1);

    // Read back as a console starting afresh would.
    QSettings file(m_dir->filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
    const PosSettings pos = PosSettings::load(file);
    QCOMPARE(pos.vendor, QStringLiteral("square"));
    QCOMPARE(pos.baseUrl, m_square->baseUrl());
    QCOMPARE(pos.locationId, QStringLiteral("LOC1"));
    QCOMPARE(pos.webhookPort, quint16(1));
    QCOMPARE(pos.webhookUrl, QUrl(QStringLiteral("https://kitchen.example/pos/square")));
    QCOMPARE(pos.pollSeconds, 60);
    QCOMPARE(pos.sweepMinutes, 2);
    QCOMPARE(pos.sweepBatch, 10);
    QCOMPARE(changed.constFirst().constFirst().value<PosSettings>().locationId, pos.locationId);
    // No secret in the settings file.
    const QByteArray ini = [&] {
        QFile raw(file.fileName());
        return raw.open(QIODevice::ReadOnly) ? raw.readAll() : QByteArray();
    }();
    QVERIFY(!ini.isEmpty());
    QVERIFY(!ini.contains(SquareFake::defaultToken));
    QVERIFY(!ini.contains(m_square->signatureKey().toUtf8()));

    const std::optional<PosSecrets> kept = keptSecrets();
    QVERIFY(kept);
    QCOMPARE(kept->token, QByteArray(SquareFake::defaultToken));
    QCOMPARE(kept->webhookKey, m_square->signatureKey().toUtf8());
    QVERIFY(kept->clientId.isEmpty());
}

void TestPosSettingsPage::anUntouchedSecretKeepsItsSavedValue()
{
    PosSettings before;
    before.vendor = QStringLiteral("square");
    before.baseUrl = m_square->baseUrl();
    before.locationId = QStringLiteral("LOC1");
    before.save(*m_settings);
    PosSecrets secrets;
    secrets.token = "old-token";
    secrets.webhookKey = "kept-signature-key";
    QVERIFY(writeSecrets(secrets));

    openDialog();
    auto *token = field<QLineEdit>("pos_token");
    QTRY_COMPARE(token->placeholderText(), saved);
    QTRY_COMPARE(field<QLineEdit>("pos_webhook_key")->placeholderText(), saved);
    QVERIFY(token->text().isEmpty()); // never shown back
    QCOMPARE(field<QLineEdit>("pos_location")->text(), QStringLiteral("LOC1"));

    // The kept signature key and the typed token are what the test uses.
    type("pos_token", QString::fromLatin1(SquareFake::defaultToken));
    QTest::mouseClick(field<QPushButton>("pos_test"), Qt::LeftButton);
    QTRY_COMPARE(field<QLabel>("pos_verdict")->text(),
                 QStringLiteral("Connected: Square accepted the sign-in for LOC1."));

    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    QVERIFY(accepted.isValid());
    QTest::keyClick(token, Qt::Key_Return); // Enter in a field saves
    QVERIFY(accepted.wait(10'000));
    const std::optional<PosSecrets> kept = keptSecrets();
    QVERIFY(kept);
    QCOMPARE(kept->token, QByteArray(SquareFake::defaultToken));
    QCOMPARE(kept->webhookKey, QByteArray("kept-signature-key"));
}

void TestPosSettingsPage::cancelWritesNothing()
{
    openDialog();
    typeGoodSquare();
    QSignalSpy changed(m_dialog.get(), &SettingsDialog::posSettingsChanged);
    QVERIFY(changed.isValid());
    QSignalSpy rejected(m_dialog.get(), &QDialog::rejected);
    QVERIFY(rejected.isValid());
    QTest::mouseClick(button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QCOMPARE(rejected.count(), 1);
    QVERIFY(changed.isEmpty());
    m_dialog.reset();

    QSettings file(m_dir->filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
    QVERIFY(file.allKeys().isEmpty());
    QVERIFY(!keptSecrets());
}

void TestPosSettingsPage::theDialogFitsTheSmallestScreen()
{
    QApplication::setStyle(new TouchStyle); // as the console shows it
    openDialog();
    chooseVendor(QStringLiteral("toast")); // the longest form
    const QSize room(1024 - 32, 768 - 32);
    const QSize least = m_dialog->minimumSizeHint();
    QVERIFY2(least.width() <= room.width() && least.height() <= room.height(),
             qPrintable(QStringLiteral("%1×%2").arg(least.width()).arg(least.height())));
    QTRY_COMPARE(field<QLineEdit>("pos_client_secret")->placeholderText(),
                 QStringLiteral("not saved"));
    type("pos_location", QStringLiteral("8f3c2a4e-0d9b-4c57-9a0e-1b2f3c4d5e6f"));
    QTest::mouseClick(field<QPushButton>("pos_test"), Qt::LeftButton);
    QTRY_VERIFY(field<QPushButton>("pos_test")->isEnabled()); // a verdict, wrapped beside it
    QVERIFY(!saveScreenshot(*m_dialog, QStringLiteral("possettings-1024x768-toast")).isEmpty());

    typeGoodSquare();
    QTest::mouseClick(field<QPushButton>("pos_test"), Qt::LeftButton);
    QTRY_VERIFY(field<QLabel>("pos_verdict")->text().startsWith(QStringLiteral("Connected")));
    m_dialog->resize(1280, 900); // DialogHost's room over a 1920×1080 board is larger still
    QVERIFY(!saveScreenshot(*m_dialog, QStringLiteral("possettings-1280x900-square")).isEmpty());
}

QTEST_MAIN(TestPosSettingsPage)
#include "tst_possettingspage.moc"
