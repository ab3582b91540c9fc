// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Errors as values (after Qt Creator's Utils::Result): no exceptions cross a library boundary.

#include <QString>

#include <optional>
#include <utility>

namespace md {

// A failure with the spec's return code (e.g. "9002") and, when one field is at fault, its path
// (e.g. "meterReadingDetails[1].dataTime"). `detail` is free text for logs and tooltips.
struct Error
{
    QString code;
    QString path;
    QString detail;

    bool operator==(const Error &) const = default;
    // "<dictionary text>: <path>" as protocol.md section 6 asks for returnMessage.
    QString message() const;
};

template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T &operator*() const { return *m_value; }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const Error &error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

// Result<void>: success or an Error.
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_failed(true), m_error(std::move(error)) {}
    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    bool m_failed = false;
    Error m_error;
};

inline Error makeError(QString code, QString path = {}, QString detail = {})
{
    return Error{std::move(code), std::move(path), std::move(detail)};
}

} // namespace md
