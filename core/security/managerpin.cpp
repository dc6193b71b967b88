// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "managerpin.h"

#include "pinhash.h"
#include "securitylogging.h"

namespace {
QString seconds(qint64 count)
{
    return count == 1 ? ManagerPin::tr("1 second")
                      : ManagerPin::tr("%n seconds", nullptr, int(count));
}

QString minutes(qint64 count)
{
    return count == 1 ? ManagerPin::tr("1 minute")
                      : ManagerPin::tr("%n minutes", nullptr, int(count));
}

// "a 30-second wait", as the words before "wait" (the waits before 15 min are whole minutes).
QString waitLength(qint64 ms)
{
    const qint64 secs = (ms + 999) / 1000;
    return secs < 60 ? ManagerPin::tr("%n-second", nullptr, int(secs))
                     : ManagerPin::tr("%n-minute", nullptr, int(secs / 60));
}
} // namespace

ManagerPin::ManagerPin(CredentialStore &credentials, QSettings &settings, const QString &storeId,
                       const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_credentials(credentials)
    , m_key(keychainKey(storeId))
    , m_lockout(clock, settings, QStringLiteral("managerPin/") + storeId)
    , m_iterations(PinHash::defaultIterations)
{
    m_worker.setMaxThreadCount(1);
    // The store is shared: its answers for other keys, and answers that come when this object
    // asked nothing (another reader of the same key), are not ours.
    connect(&m_credentials, &CredentialStore::readDone, this, &ManagerPin::onRead);
    connect(&m_credentials, &CredentialStore::written, this, &ManagerPin::onWritten);
    connect(&m_credentials, &CredentialStore::removed, this, &ManagerPin::onRemoved);
    connect(&m_credentials, &CredentialStore::failed, this, &ManagerPin::onFailed);
}

ManagerPin::~ManagerPin()
{
    // The worker's last act is a queued call to this object: once it is done, QObject's
    // destructor drops that call unrun.
    m_worker.waitForDone();
}

QString ManagerPin::keychainKey(const QString &storeId)
{
    return QStringLiteral("manager-pin:") + storeId;
}

void ManagerPin::setIterations(int iterations)
{
    m_iterations = qBound(PinHash::minIterations, iterations, PinHash::maxIterations);
}

void ManagerPin::check()
{
    enqueue(Kind::Check);
}

void ManagerPin::setPin(const QString &pin)
{
    enqueue(Kind::Set, pin);
}

void ManagerPin::verify(const QString &pin)
{
    enqueue(Kind::Verify, pin);
}

void ManagerPin::changePin(const QString &currentPin, const QString &newPin)
{
    enqueue(Kind::Change, currentPin, newPin);
}

void ManagerPin::reset()
{
    enqueue(Kind::Reset);
}

QString ManagerPin::waitInWords(qint64 ms)
{
    const qint64 secs = qMax<qint64>(1, (ms + 999) / 1000); // 0.2 s left still reads "1 second"
    if (secs < 60)
        return seconds(secs);
    if (secs % 60 == 0)
        return minutes(secs / 60);
    return tr("%1 and %2", "a wait: minutes and seconds")
        .arg(minutes(secs / 60), seconds(secs % 60));
}

QString ManagerPin::lockedOutMessage(qint64 remainingMs)
{
    return tr("Too many wrong PINs. Try again in %1.").arg(waitInWords(remainingMs));
}

void ManagerPin::enqueue(Kind kind, const QString &pin, const QString &newPin)
{
    m_queue.push_back({kind, pin, newPin});
    // Started from the event loop, so no answer ever comes inside the call that asked.
    QMetaObject::invokeMethod(this, &ManagerPin::startNext, Qt::QueuedConnection);
}

void ManagerPin::startNext()
{
    if (m_current || m_queue.empty())
        return;
    m_current = std::move(m_queue.front());
    m_queue.pop_front();
    if (refuseUnheard()) {
        finish();
        return;
    }
    read();
}

// Answers, without asking the keyring, a request that cannot be heard: a new PIN one may not
// choose, a try that is not a PIN, a try while a wait runs. None of these is counted: each tells
// a guesser nothing about the PIN.
bool ManagerPin::refuseUnheard()
{
    const Request &request = *m_current;
    if (request.kind == Kind::Check || request.kind == Kind::Reset)
        return false;
    const QString &chosen = request.kind == Kind::Set ? request.pin : request.newPin;
    if (request.kind == Kind::Verify || request.kind == Kind::Change) {
        if (!PinHash::isWellFormed(request.pin)) {
            qCInfo(lcSecurityPin) << "manager PIN refused: not 4 to 8 digits";
            Q_EMIT refused(PinHash::refusal(request.pin));
            return true;
        }
    }
    if (request.kind == Kind::Set || request.kind == Kind::Change) {
        if (const QString refusal = PinHash::refusal(chosen); !refusal.isEmpty()) {
            qCInfo(lcSecurityPin) << "new manager PIN refused: not a PIN one may choose";
            Q_EMIT refused(refusal);
            return true;
        }
    }
    if (request.kind == Kind::Change && request.newPin == request.pin) {
        qCInfo(lcSecurityPin) << "new manager PIN refused: the same as the current one";
        Q_EMIT refused(tr("The new PIN is the same as the current one; choose another."));
        return true;
    }
    if (request.kind != Kind::Set && m_lockout.isLockedOut()) {
        qCInfo(lcSecurityPin).noquote() << "manager PIN try refused unheard: waiting"
                                        << m_lockout.remainingMs() / 1000 << "s more";
        Q_EMIT lockedOut(m_lockout.lockedUntilMs());
        return true;
    }
    return false;
}

void ManagerPin::finish()
{
    m_current.reset();
    m_step = Step::Idle;
    if (!m_queue.empty())
        QMetaObject::invokeMethod(this, &ManagerPin::startNext, Qt::QueuedConnection);
}

void ManagerPin::read()
{
    m_step = Step::Reading;
    m_credentials.read(m_key);
}

void ManagerPin::write(const QString &record)
{
    m_step = Step::Writing;
    m_credentials.write(m_key, record.toUtf8());
}

void ManagerPin::hashOffThread(std::function<Hashed()> work)
{
    m_step = Step::Hashing;
    m_worker.start([this, work = std::move(work)] {
        const Hashed hashed = work();
        QMetaObject::invokeMethod(
            this, [this, hashed] { onHashed(hashed); }, Qt::QueuedConnection);
    });
}

void ManagerPin::onRead(const QString &key, const QByteArray &secret)
{
    if (key != m_key || m_step != Step::Reading)
        return;
    m_status = Status::Set; // even an unreadable record: first use must not write over it
    switch (m_current->kind) {
    case Kind::Check:
        Q_EMIT checked(true);
        finish();
        return;
    case Kind::Set:
        qCInfo(lcSecurityPin) << "new manager PIN refused: one is set already";
        Q_EMIT failed(tr("A manager PIN is set on this console already; enter it to go on."));
        finish();
        return;
    case Kind::Verify:
    case Kind::Change:
        verifyAgainst(QString::fromUtf8(secret));
        return;
    case Kind::Reset:
        // Whatever the record holds, readable or not: a reset is the way out of a garbled one.
        m_step = Step::Removing;
        m_credentials.remove(m_key);
        return;
    }
}

void ManagerPin::verifyAgainst(const QString &record)
{
    Result<PinHash> stored = PinHash::fromRecord(record);
    if (!stored) {
        qCWarning(lcSecurityPin).noquote()
            << "the manager PIN in the keyring is unreadable:" << stored.error();
        Q_EMIT failed(tr("The saved manager PIN cannot be read. Ask whoever looks after this "
                         "console to reset it."));
        finish();
        return;
    }
    m_lockout.recordFailure(); // until the hash says otherwise; see the class comment
    const int target = m_iterations;
    hashOffThread([pin = m_current->pin, newPin = m_current->newPin, stored = std::move(*stored),
                   target] {
        Hashed hashed;
        hashed.matches = stored.matches(pin);
        if (hashed.matches && !newPin.isEmpty())
            hashed.record = PinHash::create(newPin, target).record();
        else if (hashed.matches && stored.iterations() < target)
            hashed.record = PinHash::create(pin, target).record();
        return hashed;
    });
}

void ManagerPin::onHashed(const Hashed &hashed)
{
    if (m_step != Step::Hashing)
        return;
    if (m_current->kind == Kind::Set) {
        write(hashed.record);
        return;
    }
    if (!hashed.matches) {
        answerWrongPin();
        finish();
        return;
    }
    m_lockout.recordSuccess();
    if (m_current->kind == Kind::Change) {
        qCInfo(lcSecurityPin) << "current manager PIN accepted; saving the new one";
        write(hashed.record);
        return;
    }
    qCInfo(lcSecurityPin) << "manager PIN accepted";
    Q_EMIT unlocked();
    if (hashed.record.isEmpty()) {
        finish();
        return;
    }
    qCInfo(lcSecurityPin) << "rewriting the manager PIN's record with" << m_iterations << "rounds";
    write(hashed.record);
}

void ManagerPin::answerWrongPin()
{
    qCInfo(lcSecurityPin) << "manager PIN refused:" << m_lockout.failures() << "wrong in a row";
    if (m_lockout.isLockedOut()) {
        qCInfo(lcSecurityPin) << "manager PIN tries wait" << m_lockout.remainingMs() / 1000 << "s";
        Q_EMIT lockedOut(m_lockout.lockedUntilMs());
        return;
    }
    const int left = m_lockout.triesBeforeWait();
    const QString wait = waitLength(PinLockout::waitAfter(PinLockout::freeTries));
    if (left == 1)
        Q_EMIT refused(tr("Wrong PIN. 1 try left before a %1 wait.").arg(wait));
    else if (left > 1)
        Q_EMIT refused(tr("Wrong PIN. %n tries left before a %1 wait.", nullptr, left).arg(wait));
    else
        Q_EMIT refused(tr("Wrong PIN."));
}

void ManagerPin::onWritten(const QString &key)
{
    if (key != m_key || m_step != Step::Writing)
        return;
    if (m_current->kind == Kind::Set) {
        m_status = Status::Set;
        m_lockout.recordSuccess();
        qCInfo(lcSecurityPin) << "manager PIN set";
        Q_EMIT pinSet();
    } else if (m_current->kind == Kind::Change) {
        m_status = Status::Set;
        qCInfo(lcSecurityPin) << "manager PIN changed";
        Q_EMIT pinChanged();
    }
    finish();
}

void ManagerPin::onRemoved(const QString &key)
{
    if (key != m_key || m_step != Step::Removing)
        return;
    m_status = Status::NotSet;
    m_lockout.clear();
    qCInfo(lcSecurityPin) << "manager PIN removed from the keyring; wrong tries cleared";
    Q_EMIT pinReset(true);
    finish();
}

void ManagerPin::onFailed(const QString &key, const QString &message,
                          CredentialStore::FailureKind kind)
{
    if (key != m_key || m_step == Step::Idle || m_step == Step::Hashing)
        return;
    // The keyring's own words go to the log (they name the key, never a secret).
    if (m_step == Step::Writing) {
        qCWarning(lcSecurityPin).noquote()
            << "the keyring did not keep the manager PIN:" << message;
        if (m_current->kind == Kind::Set || m_current->kind == Kind::Change)
            Q_EMIT failed(tr("The keyring did not keep the new PIN. Check that it is unlocked, "
                             "then try again."));
        finish(); // a right PIN's rewrite: it was answered already, the old record still holds
        return;
    }
    if (m_step == Step::Removing) {
        qCWarning(lcSecurityPin).noquote()
            << "the keyring did not remove the manager PIN:" << message;
        Q_EMIT failed(tr("The keyring did not remove the manager PIN, so nothing is changed. "
                         "Check that the keyring is unlocked, then try again."));
        finish();
        return;
    }
    if (kind != CredentialStore::FailureKind::NotFound) {
        qCWarning(lcSecurityPin).noquote() << "the manager PIN could not be read:" << message;
        Q_EMIT failed(tr("The keyring could not be read. Check that it is unlocked, then try "
                         "again."));
        finish();
        return;
    }
    m_status = Status::NotSet;
    switch (m_current->kind) {
    case Kind::Check:
        Q_EMIT checked(false);
        finish();
        return;
    case Kind::Set:
        hashOffThread([pin = m_current->pin, iterations = m_iterations] {
            return Hashed {false, PinHash::create(pin, iterations).record()};
        });
        return;
    case Kind::Verify:
    case Kind::Change:
        Q_EMIT failed(tr("No manager PIN is set on this console yet."));
        finish();
        return;
    case Kind::Reset:
        m_lockout.clear();
        qCInfo(lcSecurityPin) << "no manager PIN to remove; wrong tries cleared";
        Q_EMIT pinReset(false);
        finish();
        return;
    }
}
