#pragma once

#include "traffic/TrafficEntry.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QSet>
#include <QString>
#include <QUrl>

namespace crosstalk::traffic {

/// Removes secrets from traffic before it is recorded, so that the traffic
/// log, its views and its exports never hold them.
///
/// Names are matched loosely on purpose:
/// - header names case-insensitively: authorization, proxy-authorization,
///   cookie, set-cookie, x-api-key, api-key, apikey, x-auth-token, and those
///   added with addSensitiveHeader() (API-key header names from agent cards);
/// - JSON member names, form fields and query parameters case-insensitively
///   and ignoring '_' and '-', so "access_token" also covers "accessToken".
///   Fields: token, access_token, refresh_token, id_token, client_secret,
///   password, plus addSensitiveField().
///   Query and form parameters: the fields, plus api_key, key (Google style
///   API keys), code and code_verifier (OAuth authorization codes and PKCE
///   verifiers), client_assertion and sig (signed URLs), plus
///   addSensitiveParameter(). "code" is deliberately not a JSON field: it is
///   the JSON-RPC error code.
///
/// JSON is redacted lexically, without a parse: a member whose name is
/// sensitive gets its string or number value replaced by the marker (a number
/// becomes the string "[redacted]"); object, array and literal values are left
/// alone, their own members are checked. Every other byte stays as it was, and
/// the same scan works on broken or truncated JSON, on JSON inside an SSE
/// stream or a text body, and on batches at any depth. JSON escaped inside a
/// JSON string (a tool result's text holding JSON) is not looked into.
class Redactor
{
public:
    /// What replaces a secret. Not translated: it is stored and exported.
    static constexpr char Marker[] = "[redacted]";

    Redactor();

    void addSensitiveHeader(const QByteArray &name);
    /// A JSON member name, also used for form fields and query parameters.
    void addSensitiveField(const QString &name);
    /// A query or form parameter name only (an agent card's API key "in: query").
    void addSensitiveParameter(const QString &name);

    /// Whether a header or environment variable of this name carries a
    /// secret by its name alone (Authorization, cookies, anything with
    /// token, secret, password, api key, credential or session in it): such
    /// values are never written to a workspace file and are dropped on
    /// cross-origin redirects.
    static bool isSecretName(QStringView name);

    bool isSensitiveHeader(QByteArrayView name) const;
    bool isSensitiveField(QByteArrayView utf8Name) const;
    bool isSensitiveParameter(QByteArrayView utf8Name) const;

    /// Replaces sensitive header values: "Bearer [redacted]" keeps the scheme
    /// of Authorization, cookies keep their names ("sid=[redacted]"); URLs in
    /// Location, Content-Location and Referer go through redactUrl().
    /// Returns whether anything changed.
    bool redactHeaders(QList<HttpHeader> &headers) const;

    /// Redacts a body in place. application/x-www-form-urlencoded bodies (or,
    /// without a content type, bodies that look like one) have sensitive
    /// parameters redacted; every other body gets the lexical JSON scan.
    /// Returns whether anything changed; an unchanged body is byte-identical.
    bool redactBody(QByteArray &body, QByteArrayView contentType) const;
    /// Headers, then the body as its Content-Type header (or `contentType`,
    /// when given) says. Returns whether anything changed.
    bool redactMessage(QList<HttpHeader> &headers, QByteArray &body, QByteArrayView contentType = {}) const;

    /// Replaces the password of the user info and sensitive query and fragment
    /// parameters (OAuth puts tokens in fragments).
    QUrl redactUrl(const QUrl &url) const;

    /// Redacts the URLs in a start line ("POST http://host/mcp?key=…").
    /// Returns whether anything changed.
    bool redactStartLine(QString &startLine) const;

private:
    bool redactJsonLike(QByteArray &body) const;
    bool redactForm(QByteArray &body) const;
    bool redactHeaderValue(QByteArrayView lowerName, QByteArray &value) const;

    QSet<QByteArray> m_headers;    // lowercase
    QSet<QByteArray> m_fields;     // normalised, see normalisedName()
    QSet<QByteArray> m_parameters; // normalised, fields excluded
    qsizetype m_longestName = 0;   // of m_fields and m_parameters, normalised
};

} // namespace crosstalk::traffic
