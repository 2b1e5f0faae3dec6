#include "auth/Credential.h"

#include <QUrlQuery>

namespace crosstalk::auth {

namespace {

/// An HTTP token (RFC 9110): what a header name may be made of.
bool isToken(const QString &text)
{
    if (text.isEmpty() || text.size() > 256)
        return false;
    static const QString extra = QStringLiteral("!#$%&'*+-.^_`|~");
    for (const QChar c : text) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && !extra.contains(c))
            return false;
    }
    return true;
}

bool hasControl(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

} // namespace

QString Credential::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Bearer:
        return QStringLiteral("bearer");
    case Kind::ApiKey:
        return QStringLiteral("api-key");
    case Kind::Basic:
        return QStringLiteral("basic");
    }
    return {};
}

std::optional<Credential::Kind> Credential::kindFromName(const QString &name)
{
    for (const Kind kind : {Kind::Bearer, Kind::ApiKey, Kind::Basic}) {
        if (kindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QString Credential::locationName(Location location)
{
    switch (location) {
    case Location::Header:
        return QStringLiteral("header");
    case Location::Query:
        return QStringLiteral("query");
    case Location::Cookie:
        return QStringLiteral("cookie");
    }
    return {};
}

std::optional<Credential::Location> Credential::locationFromName(const QString &name)
{
    for (const Location location : {Location::Header, Location::Query, Location::Cookie}) {
        if (locationName(location) == name)
            return location;
    }
    return std::nullopt;
}

QString Credential::describe() const
{
    switch (kind) {
    case Kind::Bearer:
        return tr("bearer token");
    case Kind::ApiKey:
        switch (location) {
        case Location::Header:
            return tr("API key in the header %1").arg(keyName);
        case Location::Query:
            return tr("API key in the query parameter %1").arg(keyName);
        case Location::Cookie:
            return tr("API key in the cookie %1").arg(keyName);
        }
        break;
    case Kind::Basic:
        return tr("basic, user %1").arg(user);
    }
    return {};
}

QString Credential::nameProblem(const QString &name)
{
    if (name.isEmpty())
        return tr("A credential needs a name.");
    if (name.size() > 128)
        return tr("A credential's name has at most 128 characters.");
    if (hasControl(name) || name.contains(QLatin1Char('/')))
        return tr("A credential's name holds neither control characters nor “/”.");
    return {};
}

QString Credential::problem() const
{
    if (const QString p = nameProblem(name); !p.isEmpty())
        return p;
    if (secret.isEmpty())
        return tr("The credential “%1” has no secret.").arg(name);
    switch (kind) {
    case Kind::Bearer:
        // RFC 6750's b64token, loosely: no spaces, nothing that breaks a header.
        if (hasControl(secret) || secret.contains(QLatin1Char(' ')))
            return tr("A bearer token holds no spaces or control characters.");
        break;
    case Kind::ApiKey:
        if (location == Location::Query ? keyName.isEmpty() || hasControl(keyName) : !isToken(keyName))
            return tr("“%1” cannot name an API key's %2.").arg(keyName, locationName(location));
        if (hasControl(secret) || (location == Location::Cookie && secret.contains(QLatin1Char(';'))))
            return tr("The API key holds characters its %1 cannot carry.").arg(locationName(location));
        break;
    case Kind::Basic:
        if (user.contains(QLatin1Char(':')) || hasControl(user))
            return tr("A basic user name holds neither “:” nor control characters.");
        if (hasControl(secret))
            return tr("A basic password holds no control characters.");
        break;
    }
    return {};
}

std::optional<std::pair<QByteArray, QByteArray>> Credential::header() const
{
    switch (kind) {
    case Kind::Bearer:
        return std::pair{QByteArray("Authorization"), "Bearer " + secret.toUtf8()};
    case Kind::Basic:
        return std::pair{QByteArray("Authorization"), "Basic " + (user + QLatin1Char(':') + secret).toUtf8().toBase64()};
    case Kind::ApiKey:
        if (location == Location::Header)
            return std::pair{keyName.toLatin1(), secret.toUtf8()};
        if (location == Location::Cookie)
            return std::pair{QByteArray("Cookie"), keyName.toLatin1() + '=' + secret.toUtf8()};
        break;
    }
    return std::nullopt;
}

QUrl Credential::withQuery(const QUrl &url) const
{
    if (kind != Kind::ApiKey || location != Location::Query)
        return url;
    QUrl out = url;
    QUrlQuery query(out);
    query.removeAllQueryItems(keyName);
    query.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(keyName)),
                       QString::fromLatin1(QUrl::toPercentEncoding(secret)));
    out.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return out;
}

} // namespace crosstalk::auth
