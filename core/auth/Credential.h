#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <optional>
#include <utility>

namespace crosstalk::auth {

/// A secret a person keeps for an agent or server, with what it takes to
/// send it. Only `secret` is secret: the rest is shown in lists and kept in
/// the keychain's index. A Credential lives in memory and in the OS keychain,
/// never in a file, a log, a trace or an export.
struct Credential
{
    Q_DECLARE_TR_FUNCTIONS(Credential)

public:
    enum class Kind {
        Bearer, ///< `Authorization: Bearer <secret>`
        ApiKey, ///< the secret under `keyName`, in a header, the query or a cookie
        Basic,  ///< `Authorization: Basic base64(user:secret)`
    };
    enum class Location { Header, Query, Cookie };

    QString name;
    Kind kind = Kind::Bearer;
    QString keyName;                      ///< ApiKey: the header, parameter or cookie name
    Location location = Location::Header; ///< ApiKey: where it goes
    QString user;                         ///< Basic
    QString secret;

    /// "bearer", "api-key" or "basic", as the CLI and the index say it.
    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
    static QString locationName(Location location);
    static std::optional<Location> locationFromName(const QString &name);

    /// What it is, for people, without the secret: "bearer token",
    /// "API key in header X-Api-Key", "basic, user alice".
    QString describe() const;

    /// Why this name cannot name a credential, or empty: 1–128 characters,
    /// no control characters, no '/'.
    static QString nameProblem(const QString &name);
    /// Why the credential cannot be sent as it is (an empty secret, a header
    /// name that is no token, a user with ':'), or empty.
    QString problem() const;

    /// The header it sends, when it sends one (Bearer, Basic, ApiKey in a
    /// header or cookie). Whoever sends it marks the header's name as a
    /// credential (HttpClient::addCredentialHeader), so it is redacted and
    /// never carried to another origin.
    std::optional<std::pair<QByteArray, QByteArray>> header() const;
    /// For an ApiKey in the query: `url` with the parameter set.
    QUrl withQuery(const QUrl &url) const;
};

} // namespace crosstalk::auth
