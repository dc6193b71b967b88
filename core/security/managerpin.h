// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "credentialstore.h"
#include "pinlockout.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <deque>
#include <functional>
#include <optional>

class Clock;
class QSettings;

/**
 * The store manager's PIN, the gate in front of the dashboard and the store's controls. Set on
 * first use, changed with the current PIN, forgotten by reset() (kc-admin pin-reset); kept as a
 * PinHash record in the keyring under keychainKey(storeId) (never in the
 * settings, the store or a log: four to eight digits are guessed offline in moments from a hash);
 * wrong PINs slow the next tries down (PinLockout, kept in the settings under
 * "managerPin/<store>").
 *
 * Every call returns at once and is answered later by exactly one signal, never inside the call;
 * calls are served one at a time in the order they were made. The hashing runs on a worker thread
 * of this object's own, its result comes back as a queued call; the GUI thread never waits on it.
 * A try counts as wrong from the moment its hashing starts, so cutting the power mid-check does
 * not give a free guess; the right PIN then clears the count.
 */
class ManagerPin final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManagerPin)

public:
    enum class Status {
        Unknown, // not asked yet
        NotSet, // the keyring holds no PIN for this store: first use
        Set,
    };
    Q_ENUM(Status)

    /** credentials, settings and clock must outlive this. */
    ManagerPin(CredentialStore &credentials, QSettings &settings, const QString &storeId,
               const Clock &clock, QObject *parent = nullptr);
    /** Waits for a hash still running on the worker (at most a fraction of a second). */
    ~ManagerPin() override;

    /** Where the keyring keeps a store's manager PIN: "manager-pin:<storeId>". */
    static QString keychainKey(const QString &storeId);

    /** The rounds of new records; an older record is rewritten with them once its PIN is right. */
    void setIterations(int iterations);
    int iterations() const { return m_iterations; }
    /** What the last answer from the keyring said. */
    Status status() const { return m_status; }
    /** Wrong PINs in a row since the last right one (kept across restarts). */
    int wrongPinsInARow() const { return m_lockout.failures(); }
    /** Whether a verify() now would be refused unheard, and until when (UTC ms). */
    bool isLockedOut() const { return m_lockout.isLockedOut(); }
    qint64 lockedUntilMs() const { return m_lockout.lockedUntilMs(); }

    /** Asks the keyring whether a PIN is set: checked(isSet) or failed(). */
    void check();
    /** First use: sets pin as the PIN. pinSet(), refused() (not a good PIN) or failed(). */
    void setPin(const QString &pin);
    /** Checks pin: unlocked(), refused() (wrong, with the tries left), lockedOut() or failed(). */
    void verify(const QString &pin);
    /**
     * Replaces the PIN with newPin once currentPin is right: pinChanged(), refused() (a wrong
     * current PIN, counted as verify() counts it; or a new PIN one may not choose), lockedOut() or
     * failed() (the PIN is unchanged).
     */
    void changePin(const QString &currentPin, const QString &newPin);
    /**
     * Forgets the PIN: removes its record from the keyring and clears the wrong PINs and any
     * wait, so the next gate sets a new one. pinReset(wasSet) or failed() (nothing changed).
     */
    void reset();

    /** A wait in words: "30 seconds", "2 minutes", "4 minutes and 30 seconds". */
    static QString waitInWords(qint64 ms);
    /** What a manager reads while a wait runs: "Too many wrong PINs. Try again in 25 seconds." */
    static QString lockedOutMessage(qint64 remainingMs);

Q_SIGNALS:
    void checked(bool isSet);
    void pinSet();
    void pinChanged();
    /** wasSet: whether the keyring held a PIN (a record) that is now removed. */
    void pinReset(bool wasSet);
    void unlocked();
    /** message says why, in words for the manager. */
    void refused(const QString &message);
    /** No try is heard until untilMs (UTC ms); the wait may have been started by this try. */
    void lockedOut(qint64 untilMs);
    /** The keyring could not be used, or holds something unreadable; message is for people. */
    void failed(const QString &message);

private:
    enum class Kind { Check, Set, Verify, Change, Reset };
    enum class Step { Idle, Reading, Hashing, Writing, Removing };
    struct Request
    {
        Kind kind = Kind::Check;
        QString pin; // the PIN to set or check; for Change, the current one
        QString newPin; // Change only
    };
    // What the worker found: whether the PIN matched, and a record to write (a new PIN's, or a
    // right PIN's under the current count).
    struct Hashed
    {
        bool matches = false;
        QString record;
    };

    void enqueue(Kind kind, const QString &pin = {}, const QString &newPin = {});
    bool refuseUnheard();
    void startNext();
    void finish();
    void read();
    void write(const QString &record);
    void hashOffThread(std::function<Hashed()> work);

    void onRead(const QString &key, const QByteArray &secret);
    void onWritten(const QString &key);
    void onRemoved(const QString &key);
    void onFailed(const QString &key, const QString &message, CredentialStore::FailureKind kind);
    void onHashed(const Hashed &hashed);
    void verifyAgainst(const QString &record);
    void answerWrongPin();

    CredentialStore &m_credentials;
    const QString m_key;
    PinLockout m_lockout;
    int m_iterations;
    Status m_status = Status::Unknown;
    std::deque<Request> m_queue;
    std::optional<Request> m_current;
    Step m_step = Step::Idle;
    QThreadPool m_worker; // its own, so the destructor waits for this object's hash only
};
