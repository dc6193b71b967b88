// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The hand-offs between threads that Debian's Qt makes and ThreadSanitizer cannot see, shown to
// it. Qt is not built with -fsanitize=thread: its event queue and thread pool lock with futexes
// TSan knows nothing of, so everything our code sends to another thread through Qt (a queued
// call, a queued signal, a pool task) would be reported as a race. This library, preloaded into
// the tsan build's tests (the `tsan` test preset), sits in front of the Qt calls our code makes
// and adds the same happens-before edges Qt's own TSan annotations would: a release where work
// is handed over, an acquire where another thread takes it up; likewise QSemaphore's counts and
// the mutex that QWaitCondition::wait gives up and takes back inside Qt. One address stands for
// every queue, so it is coarser than Qt (a hand-off to one thread also orders another thread's
// later events); races on data shared without any hand-off are still reported.
//
// It links neither Qt nor TSan and is built without sanitizers: in a process that has neither
// (a postgres or dbus started by a test) it finds neither and does nothing.
#include <QCoreApplication>
#include <QMetaObject>
#include <QMutex>
#include <QSemaphore>
#include <QThreadPool>
#include <QWaitCondition>

#include <dlfcn.h>

#include <functional>

namespace {

char queueEdge; // released at every hand-off, acquired at every take-up

using SyncFn = void (*)(void *);
SyncFn tsanFunction(const char *name)
{
    return reinterpret_cast<SyncFn>(dlsym(RTLD_DEFAULT, name));
}
const SyncFn tsanRelease = tsanFunction("__tsan_release");
const SyncFn tsanAcquire = tsanFunction("__tsan_acquire");

void release(void *edge = &queueEdge)
{
    if (tsanRelease)
        tsanRelease(edge);
}

void acquire(void *edge = &queueEdge)
{
    if (tsanAcquire)
        tsanAcquire(edge);
}

// QMutex tells TSan of its locks from Qt's inline code in our objects (qtsan_impl.h); these say
// the same of the unlock and relock that QWaitCondition::wait does inside Qt.
using MutexFn = void (*)(void *, unsigned);
using MutexPostLockFn = void (*)(void *, unsigned, int);
using MutexPreUnlockFn = int (*)(void *, unsigned);
const auto tsanMutexPreLock =
        reinterpret_cast<MutexFn>(dlsym(RTLD_DEFAULT, "__tsan_mutex_pre_lock"));
const auto tsanMutexPostLock =
        reinterpret_cast<MutexPostLockFn>(dlsym(RTLD_DEFAULT, "__tsan_mutex_post_lock"));
const auto tsanMutexPreUnlock =
        reinterpret_cast<MutexPreUnlockFn>(dlsym(RTLD_DEFAULT, "__tsan_mutex_pre_unlock"));
const auto tsanMutexPostUnlock =
        reinterpret_cast<MutexFn>(dlsym(RTLD_DEFAULT, "__tsan_mutex_post_unlock"));

void mutexUnlocked(QMutex *mutex)
{
    if (mutex && tsanMutexPreUnlock && tsanMutexPostUnlock) {
        tsanMutexPreUnlock(mutex, 0);
        tsanMutexPostUnlock(mutex, 0);
    }
}

void mutexLocked(QMutex *mutex)
{
    if (mutex && tsanMutexPreLock && tsanMutexPostLock) {
        tsanMutexPreLock(mutex, 0);
        tsanMutexPostLock(mutex, 0, 0);
    }
}

// Qt's own definition of the function this library stands in front of.
template<typename Fn>
Fn qtFunction(const char *mangledName)
{
    return reinterpret_cast<Fn>(dlsym(RTLD_NEXT, mangledName));
}

// Every event Qt delivers, on the receiving thread, before the receiver sees it.
bool beforeDelivery(void **)
{
    acquire();
    return false; // deliver as usual
}

[[maybe_unused]] const bool registered = [] {
    using Register = bool (*)(QInternal::Callback, qInternalCallback);
    const auto reg = reinterpret_cast<Register>(
            dlsym(RTLD_DEFAULT, "_ZN9QInternal16registerCallbackENS_8CallbackEPFbPPvE"));
    return reg && reg(QInternal::EventNotifyCallback, beforeDelivery);
}();

// A queued call's slot, run between an acquire and a release: a BlockingQueuedConnection's
// caller goes on (after Qt's semaphore) with what the slot wrote.
class EdgedSlot final : public QtPrivate::QSlotObjectBase
{
public:
    explicit EdgedSlot(QtPrivate::QSlotObjectBase *inner) : QSlotObjectBase(&impl), m_inner(inner)
    {
    }

private:
    static void impl(int which, QSlotObjectBase *self, QObject *receiver, void **args, bool *ret)
    {
        auto *edged = static_cast<EdgedSlot *>(self);
        switch (which) {
        case Destroy:
            // Qt counts references to the slot object with atomics TSan does not see: the caller
            // of invokeMethod drops its own after posting, and it may be the last, after the
            // slot has run on the other thread and released what it touched.
            acquire();
            edged->m_inner->destroyIfLastRef();
            delete edged;
            break;
        case Call:
            acquire();
            edged->m_inner->call(receiver, args);
            release();
            break;
        case Compare:
            if (ret)
                *ret = false;
            break;
        }
    }

    QtPrivate::QSlotObjectBase *m_inner;
};

} // namespace

bool QMetaObject::invokeMethodImpl(QObject *object, QtPrivate::QSlotObjectBase *slot,
                                   Qt::ConnectionType type, void *ret)
{
    using Fn = bool (*)(QObject *, QtPrivate::QSlotObjectBase *, Qt::ConnectionType, void *);
    static const Fn qt = qtFunction<Fn>(
            "_ZN11QMetaObject16invokeMethodImplEP7QObjectPN9QtPrivate15QSlotObjectBaseEN2Qt14"
            "ConnectionTypeEPv");
    release();
    const bool invoked = qt(object, new EdgedSlot(slot), type, ret);
    acquire();
    return invoked;
}

// A signal's queued connections copy its arguments inside Qt, after the release before the
// call; the release after it covers receivers that run later than that (nearly all of them).
void QMetaObject::activate(QObject *sender, int signalIndex, void **argv)
{
    using Fn = void (*)(QObject *, int, void **);
    static const Fn qt = qtFunction<Fn>("_ZN11QMetaObject8activateEP7QObjectiPPv");
    release();
    qt(sender, signalIndex, argv);
    release();
}

void QMetaObject::activate(QObject *sender, const QMetaObject *meta, int localSignalIndex,
                           void **argv)
{
    using Fn = void (*)(QObject *, const QMetaObject *, int, void **);
    static const Fn qt = qtFunction<Fn>("_ZN11QMetaObject8activateEP7QObjectPKS_iPPv");
    release();
    qt(sender, meta, localSignalIndex, argv);
    release();
}

void QMetaObject::activate(QObject *sender, int signalOffset, int localSignalIndex, void **argv)
{
    using Fn = void (*)(QObject *, int, int, void **);
    static const Fn qt = qtFunction<Fn>("_ZN11QMetaObject8activateEP7QObjectiiPPv");
    release();
    qt(sender, signalOffset, localSignalIndex, argv);
    release();
}

void QThreadPool::start(std::function<void()> functionToRun, int priority)
{
    using Fn = void (*)(QThreadPool *, std::function<void()>, int);
    static const Fn qt = qtFunction<Fn>("_ZN11QThreadPool5startESt8functionIFvvEEi");
    release();
    qt(this,
       [run = std::move(functionToRun)] {
           acquire();
           run();
           release();
       },
       priority);
}

bool QThreadPool::waitForDone(int msecs)
{
    using Fn = bool (*)(QThreadPool *, int);
    static const Fn qt = qtFunction<Fn>("_ZN11QThreadPool11waitForDoneEi");
    const bool done = qt(this, msecs);
    acquire();
    return done;
}

// The waiting thread gives the mutex up inside Qt and has it again when wait() returns; without
// this TSan takes the next locker for a second owner ("double lock of a mutex").
bool QWaitCondition::wait(QMutex *lockedMutex, QDeadlineTimer deadline)
{
    using Fn = bool (*)(QWaitCondition *, QMutex *, QDeadlineTimer);
    static const Fn qt = qtFunction<Fn>("_ZN14QWaitCondition4waitEP6QMutex14QDeadlineTimer");
    mutexUnlocked(lockedMutex);
    const bool woken = qt(this, lockedMutex, deadline);
    mutexLocked(lockedMutex);
    return woken;
}

bool QWaitCondition::wait(QMutex *lockedMutex, unsigned long time)
{
    using Fn = bool (*)(QWaitCondition *, QMutex *, unsigned long);
    static const Fn qt = qtFunction<Fn>("_ZN14QWaitCondition4waitEP6QMutexm");
    mutexUnlocked(lockedMutex);
    const bool woken = qt(this, lockedMutex, time);
    mutexLocked(lockedMutex);
    return woken;
}

// QSemaphore counts with futexes: what a thread wrote before release() is seen by the thread
// whose acquire() that release let through.
void QSemaphore::release(int n)
{
    using Fn = void (*)(QSemaphore *, int);
    static const Fn qt = qtFunction<Fn>("_ZN10QSemaphore7releaseEi");
    ::release(this);
    qt(this, n);
}

void QSemaphore::acquire(int n)
{
    using Fn = void (*)(QSemaphore *, int);
    static const Fn qt = qtFunction<Fn>("_ZN10QSemaphore7acquireEi");
    qt(this, n);
    ::acquire(this);
}

bool QSemaphore::tryAcquire(int n)
{
    using Fn = bool (*)(QSemaphore *, int);
    static const Fn qt = qtFunction<Fn>("_ZN10QSemaphore10tryAcquireEi");
    const bool acquired = qt(this, n);
    if (acquired)
        ::acquire(this);
    return acquired;
}

bool QSemaphore::tryAcquire(int n, int timeout)
{
    using Fn = bool (*)(QSemaphore *, int, int);
    static const Fn qt = qtFunction<Fn>("_ZN10QSemaphore10tryAcquireEii");
    const bool acquired = qt(this, n, timeout);
    if (acquired)
        ::acquire(this);
    return acquired;
}
