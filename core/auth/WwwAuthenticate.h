#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace crosstalk::auth {

/// One challenge of a `WWW-Authenticate` header (RFC 9110 section 11.6.1):
/// a scheme with either a token68 or a list of parameters.
struct AuthChallenge
{
    /// As sent; compare case-insensitively (isScheme()).
    QString scheme;
    QString token68;
    /// Parameter names in lower case, values unquoted, in the order sent.
    QList<QPair<QString, QString>> params;

    bool isScheme(QStringView name) const { return scheme.compare(name, Qt::CaseInsensitive) == 0; }
    /// The first parameter of that (lower-case) name, or a null string.
    QString param(QStringView name) const;
    bool hasParam(QStringView name) const;
    /// `scope`, split on spaces (RFC 6749 section 3.3).
    QStringList scopes() const;
};

struct WwwAuthenticate
{
    QList<AuthChallenge> challenges;
    /// What could not be read, and where; the challenges before it are kept.
    QString error;

    /// Parses every `WWW-Authenticate` field value of a response (several
    /// fields read as one list, RFC 9110 section 5.3).
    static WwwAuthenticate parse(const QList<QByteArray> &fieldValues);
    static WwwAuthenticate parse(const QByteArray &fieldValue) { return parse(QList<QByteArray>{fieldValue}); }

    /// The first challenge of that scheme, or nullptr.
    const AuthChallenge *find(QStringView scheme) const;
};

} // namespace crosstalk::auth
