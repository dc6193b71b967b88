// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>
#include <utility>

/**
 * Why something failed, in words for the log. Words for staff are the caller's to choose (see
 * StoreFaults::forStaff): a failure's reason is for engineers.
 */
struct Failure
{
    QString reason;
};

/**
 * The one way a public core function that can fail says so: the value, or the Failure that took
 * its place. Lookups that may find nothing return std::optional; that is an answer, not a failure.
 *
 *     Result<Order> parsed = Order::fromJson(json);
 *     if (!parsed)
 *         qCWarning(lcStore) << parsed.error();
 *
 * (std::expected would do, but the project builds as C++17.)
 */
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(const T &value) : m_value(value) { }
    Result(T &&value) : m_value(std::move(value)) { }
    Result(Failure failure) : m_error(std::move(failure.reason)) { }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T &value() const &
    {
        Q_ASSERT(ok());
        return *m_value;
    }
    T &value() &
    {
        Q_ASSERT(ok());
        return *m_value;
    }
    T &&value() &&
    {
        Q_ASSERT(ok());
        return std::move(*m_value);
    }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    T &&operator*() && { return std::move(*this).value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    /** Why it failed; empty when it did not. */
    const QString &error() const { return m_error; }
    /** The value, dropping why it failed (for callers to whom a failure is just an absence). */
    std::optional<T> toOptional() const & { return m_value; }
    std::optional<T> toOptional() && { return std::move(m_value); }

private:
    std::optional<T> m_value;
    QString m_error;
};

/** A function that returns nothing but can fail. */
template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Failure failure) : m_failed(true), m_error(std::move(failure.reason)) { }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error; }

private:
    bool m_failed = false;
    QString m_error;
};
