#pragma once

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <nlohmann/json.hpp>

#include <optional>

namespace crosstalk::auth {

/// The wire facts of OAuth discovery for MCP servers (and A2A agents with
/// OAuth schemes): where metadata is looked for, in which order, and what
/// makes a document acceptable. Pure functions, no I/O.
class OAuthMetadata
{
    Q_DECLARE_TR_FUNCTIONS(OAuthMetadata)

public:
    /// The canonical URI of a resource (RFC 8707, the MCP spec's "canonical
    /// server URI"): scheme and host in lower case, no fragment, no user
    /// info, and no trailing slash on an empty path.
    static QUrl canonicalResource(const QUrl &url);

    /// Where RFC 9728 protected-resource metadata is looked for, in order:
    /// the well-known suffix inserted before the resource's path, then at
    /// the root (the second only when the resource has a path).
    static QList<QUrl> protectedResourceMetadataUrls(const QUrl &resource);

    /// Where authorization-server metadata is looked for, in the MCP spec's
    /// order. An issuer with a path: RFC 8414 path insertion, OpenID
    /// Connect path insertion, then OpenID Connect path appending. Without:
    /// RFC 8414, then OpenID Connect.
    static QList<QUrl> authorizationServerMetadataUrls(const QUrl &issuer);

    /// Why a URL taken from metadata or a header cannot be used (not http or
    /// https, has user info or a fragment, plain http to a host other than
    /// loopback), or empty.
    static QString endpointProblem(const QUrl &url, const QString &what);
    static bool isLoopback(const QUrl &url);

    /// RFC 6749 scope strings: split on spaces, and joined in order
    /// without duplicates.
    static QStringList splitScopes(const QString &scope);
    static QString joinScopes(const QStringList &scopes);
    /// `a`, then what of `b` is not in it.
    static QStringList unionScopes(const QStringList &a, const QStringList &b);

    /// application/x-www-form-urlencoded, as OAuth bodies and authorization
    /// responses are: every byte outside the unreserved set percent-encoded;
    /// on reading, '+' is a space.
    using Form = QList<QPair<QString, QString>>;
    static QByteArray encodeForm(const Form &form);
    static Form decodeForm(QByteArrayView encoded);
    /// The first value of `name`, and whether it is there at all.
    static std::optional<QString> formValue(const Form &form, QStringView name);
};

/// RFC 9728 protected-resource metadata.
struct ProtectedResourceMetadata
{
    QUrl resource;
    QStringList authorizationServers;
    QStringList scopesSupported;
    QStringList bearerMethodsSupported;
    nlohmann::json raw;

    /// Reads a document fetched from `fetchedFrom` for the server at
    /// `serverUrl`. `error` says what is wrong and where: not an object,
    /// `resource` missing or not a URL, no authorization server, or a
    /// resource that the server URL does not fall under (RFC 9728 section
    /// 3.3: same origin, and the server's path at or below the resource's).
    static std::optional<ProtectedResourceMetadata> read(const nlohmann::json &document, const QUrl &serverUrl,
                                                         QString *error);
    /// Whether `serverUrl` falls under `resource`.
    static bool covers(const QUrl &resource, const QUrl &serverUrl);
};

/// RFC 8414 / OpenID Connect Discovery authorization-server metadata.
struct AuthorizationServerMetadata
{
    QString issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl registrationEndpoint;
    QStringList codeChallengeMethodsSupported;
    bool codeChallengeMethodsDeclared = false;
    QStringList tokenEndpointAuthMethodsSupported;
    bool tokenEndpointAuthMethodsDeclared = false;
    QStringList scopesSupported;
    QStringList grantTypesSupported;
    QStringList responseTypesSupported;
    bool clientIdMetadataDocumentSupported = false;
    bool issParameterSupported = false;
    nlohmann::json raw;

    /// Reads a document that must be about `expectedIssuer`: its `issuer`
    /// must equal it exactly (RFC 8414 section 3.3, no normalization), and
    /// the authorization and token endpoints must be usable URLs.
    static std::optional<AuthorizationServerMetadata> read(const nlohmann::json &document,
                                                           const QString &expectedIssuer, QString *error);
};

} // namespace crosstalk::auth
