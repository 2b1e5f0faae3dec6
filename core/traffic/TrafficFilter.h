#pragma once

#include "traffic/TextMatcher.h"
#include "traffic/TrafficEntry.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>

namespace crosstalk::traffic {

/// The traffic inspector's filter, compiled from what a person types:
///
/// - `method:tools/call`, `connection:billing` (or `conn:`), `id:7`,
///   `kind:sse` (http-request, http-response, sse, stdio), `dir:in` / `dir:out`,
///   `status:404` or `status:4xx`: that field must contain (status: match) it;
/// - `is:error`: HTTP status 400 or more, a JSON-RPC error, or an invalid
///   message;
/// - `/regex/`: the start line, method or body matches (the expression may
///   hold spaces: it ends at a slash followed by a space or the end);
/// - any other word, or "a quoted phrase": the start line, method,
///   connection or body contains it (case-insensitive; a JSON-RPC id is
///   part of the body).
///
/// All terms must hold. An unknown `key:`, an empty value or a regular
/// expression that does not compile make the filter invalid, with the reason.
///
/// Bodies are searched as the UTF-8 bytes they are stored as (see
/// TextMatcher). matches() may run on several threads at once.
class TrafficFilter
{
    Q_DECLARE_TR_FUNCTIONS(TrafficFilter)

public:
    /// Bodies are searched up to this many bytes.
    static constexpr qsizetype MaxSearchedBodyBytes = 64 * 1024;

    TrafficFilter() = default;
    static TrafficFilter parse(const QString &text);

    bool isValid() const { return m_error.isEmpty(); }
    /// Why the text is not a filter (empty when it is).
    const QString &error() const { return m_error; }
    bool isEmpty() const { return m_terms.isEmpty() && m_connection.isEmpty() && !m_errorsOnly; }

    /// Narrows to one connection (the connection chooser), besides the text.
    void setConnection(const QString &connection) { m_connection = connection; }
    void setErrorsOnly(bool on) { m_errorsOnly = on; }

    bool matches(const TrafficEntry &entry) const;
    /// keep[i] = matches(*entries[i]) for n entries, fetching each entry and
    /// its body from memory a few entries ahead of the matching.
    void matchAll(const TrafficEntry *const *entries, qsizetype n, char *keep) const;
    /// The HTTP status of a response entry (0 when there is none).
    static int statusOf(const TrafficEntry &entry);
    /// Whether an entry is an error: HTTP 400+, a JSON-RPC error, invalid.
    static bool isError(const TrafficEntry &entry);

private:
    enum class Field { Text, Method, Connection, Id, Kind, Direction, Status, Regex, IsError };
    struct Term
    {
        Field field = Field::Text;
        QString value;
        /// Text, Method, Connection, Regex: what is searched for.
        std::shared_ptr<const TextMatcher> matcher;
        /// Kind: the kinds named; Status: the status, or its hundred for "4xx".
        int number = 0;
        bool hundreds = false;
    };
    bool holds(const Term &term, const TrafficEntry &entry) const;

    QList<Term> m_terms;
    QString m_connection;
    bool m_errorsOnly = false;
    QString m_error;
};

} // namespace crosstalk::traffic
