#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>

namespace crosstalk::auth {

/// A client identity at one authorization server.
struct OAuthClient
{
    enum class Source {
        PreRegistered,    ///< given by the person (or the conformance context)
        MetadataDocument, ///< a Client ID Metadata Document URL
        Dynamic,          ///< RFC 7591 dynamic registration
    };

    QString issuer;
    QString clientId;
    QString clientSecret; ///< secret
    /// How the client authenticates at the token endpoint:
    /// "none", "client_secret_basic" or "client_secret_post"; empty: chosen
    /// from the server's metadata.
    QString tokenEndpointAuthMethod;
    Source source = Source::PreRegistered;
    QStringList redirectUris;

    static QString sourceName(Source source);
};

/// Tokens for one resource, from one issuer.
struct OAuthTokens
{
    QString resource;
    QString accessToken;  ///< secret
    QString refreshToken; ///< secret
    QString tokenType;
    QDateTime expiresAt; ///< invalid: not said
    QStringList grantedScopes;
    QStringList requestedScopes;

    bool hasAccess() const { return !accessToken.isEmpty(); }
    bool isExpired(const QDateTime &now) const { return expiresAt.isValid() && now >= expiresAt; }
};

/// What Crosstalk keeps per authorization server (keyed by its issuer): the
/// client registration and the tokens per resource. It lives in memory and
/// in the OS keychain only.
struct OAuthGrant
{
    QString issuer;
    std::optional<OAuthClient> client;
    QList<OAuthTokens> tokens;

    const OAuthTokens *tokensFor(const QString &resource) const;
    void setTokens(const OAuthTokens &tokens);

    nlohmann::json toJson() const;
    static std::optional<OAuthGrant> fromJson(const nlohmann::json &value);
};

} // namespace crosstalk::auth
