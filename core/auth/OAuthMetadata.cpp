#include "auth/OAuthMetadata.h"

#include "util/JsonFields.h"

#include <QHostAddress>

namespace crosstalk::auth {

using nlohmann::json;

QUrl OAuthMetadata::canonicalResource(const QUrl &url)
{
    QUrl out = url.adjusted(QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    out.setScheme(out.scheme().toLower());
    out.setHost(out.host().toLower());
    if (out.path() == QLatin1String("/"))
        out.setPath(QString());
    return out;
}

QList<QUrl> OAuthMetadata::protectedResourceMetadataUrls(const QUrl &resource)
{
    QUrl root = resource.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo | QUrl::RemovePath);
    QString path = resource.path(QUrl::FullyEncoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    QList<QUrl> urls;
    if (!path.isEmpty()) {
        QUrl withPath = root;
        withPath.setPath(QStringLiteral("/.well-known/oauth-protected-resource") + path, QUrl::TolerantMode);
        urls.append(withPath);
    }
    root.setPath(QStringLiteral("/.well-known/oauth-protected-resource"));
    urls.append(root);
    return urls;
}

QList<QUrl> OAuthMetadata::authorizationServerMetadataUrls(const QUrl &issuer)
{
    const QUrl root = issuer.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo | QUrl::RemovePath);
    QString path = issuer.path(QUrl::FullyEncoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    const auto at = [&root](const QString &p) {
        QUrl u = root;
        u.setPath(p, QUrl::TolerantMode);
        return u;
    };
    if (path.isEmpty())
        return {at(QStringLiteral("/.well-known/oauth-authorization-server")),
                at(QStringLiteral("/.well-known/openid-configuration"))};
    return {at(QStringLiteral("/.well-known/oauth-authorization-server") + path),
            at(QStringLiteral("/.well-known/openid-configuration") + path),
            at(path + QStringLiteral("/.well-known/openid-configuration"))};
}

bool OAuthMetadata::isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString OAuthMetadata::endpointProblem(const QUrl &url, const QString &what)
{
    if (!url.isValid() || url.host().isEmpty())
        return tr("The %1 “%2” is not a URL.").arg(what, url.toDisplayString());
    const QString scheme = url.scheme();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return tr("The %1 “%2” is neither https nor http.").arg(what, url.toDisplayString());
    if (scheme == QLatin1String("http") && !isLoopback(url))
        return tr("The %1 “%2” is plain http to a host other than this computer; OAuth needs https there.")
            .arg(what, url.toDisplayString());
    if (!url.userInfo().isEmpty())
        return tr("The %1 “%2” carries user info.").arg(what, url.toDisplayString(QUrl::RemoveUserInfo));
    if (url.hasFragment())
        return tr("The %1 “%2” has a fragment.").arg(what, url.toDisplayString());
    return {};
}

QStringList OAuthMetadata::splitScopes(const QString &scope)
{
    QStringList out;
    for (const QString &s : scope.split(u' ', Qt::SkipEmptyParts)) {
        if (!out.contains(s))
            out.append(s);
    }
    return out;
}

QString OAuthMetadata::joinScopes(const QStringList &scopes)
{
    return unionScopes(scopes, {}).join(u' ');
}

QStringList OAuthMetadata::unionScopes(const QStringList &a, const QStringList &b)
{
    QStringList out;
    for (const QStringList *list : {&a, &b}) {
        for (const QString &s : *list) {
            if (!s.isEmpty() && !out.contains(s))
                out.append(s);
        }
    }
    return out;
}

QByteArray OAuthMetadata::encodeForm(const Form &form)
{
    QByteArray out;
    for (const auto &[name, value] : form) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

OAuthMetadata::Form OAuthMetadata::decodeForm(QByteArrayView encoded)
{
    Form form;
    for (const QByteArray &pair : encoded.toByteArray().split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray name = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        name.replace('+', ' ');
        value.replace('+', ' ');
        form.append({QString::fromUtf8(QByteArray::fromPercentEncoding(name)),
                     QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    return form;
}

std::optional<QString> OAuthMetadata::formValue(const Form &form, QStringView name)
{
    for (const auto &[n, v] : form) {
        if (n == name)
            return v;
    }
    return std::nullopt;
}

bool ProtectedResourceMetadata::covers(const QUrl &resource, const QUrl &serverUrl)
{
    const QUrl r = OAuthMetadata::canonicalResource(resource);
    const QUrl s = OAuthMetadata::canonicalResource(serverUrl);
    if (r.scheme() != s.scheme() || r.host() != s.host() || r.port(r.scheme() == QLatin1String("https") ? 443 : 80)
        != s.port(s.scheme() == QLatin1String("https") ? 443 : 80))
        return false;
    QString rp = r.path();
    while (rp.endsWith(u'/'))
        rp.chop(1);
    const QString sp = s.path();
    return rp.isEmpty() || sp == rp || sp.startsWith(rp + u'/');
}

std::optional<ProtectedResourceMetadata> ProtectedResourceMetadata::read(const json &document, const QUrl &serverUrl,
                                                                         QString *error)
{
    if (!document.is_object()) {
        *error = OAuthMetadata::tr("The protected-resource metadata is not a JSON object.");
        return std::nullopt;
    }
    ProtectedResourceMetadata m;
    m.raw = document;
    const QString resource = json_fields::text(document, "resource");
    if (resource.isEmpty()) {
        *error = OAuthMetadata::tr("The protected-resource metadata has no “resource”.");
        return std::nullopt;
    }
    m.resource = QUrl(resource, QUrl::StrictMode);
    if (!m.resource.isValid() || m.resource.host().isEmpty()) {
        *error = OAuthMetadata::tr("The protected-resource metadata's “resource” (“%1”) is not a URL.").arg(resource);
        return std::nullopt;
    }
    if (!covers(m.resource, serverUrl)) {
        *error = OAuthMetadata::tr("The protected-resource metadata is about “%1”, not about the server at “%2”; "
                                   "its authorization servers are not used (RFC 9728 section 3.3).")
                     .arg(resource, serverUrl.toDisplayString());
        return std::nullopt;
    }
    m.authorizationServers = json_fields::texts(document, "authorization_servers");
    if (m.authorizationServers.isEmpty()) {
        *error = OAuthMetadata::tr("The protected-resource metadata names no authorization server "
                                   "(“authorization_servers”).");
        return std::nullopt;
    }
    m.scopesSupported = json_fields::texts(document, "scopes_supported");
    m.bearerMethodsSupported = json_fields::texts(document, "bearer_methods_supported");
    return m;
}

std::optional<AuthorizationServerMetadata> AuthorizationServerMetadata::read(const json &document,
                                                                             const QString &expectedIssuer,
                                                                             QString *error)
{
    if (!document.is_object()) {
        *error = OAuthMetadata::tr("The authorization-server metadata is not a JSON object.");
        return std::nullopt;
    }
    AuthorizationServerMetadata m;
    m.raw = document;
    m.issuer = json_fields::text(document, "issuer");
    if (m.issuer.isEmpty()) {
        *error = OAuthMetadata::tr("The authorization-server metadata has no “issuer”.");
        return std::nullopt;
    }
    if (m.issuer != expectedIssuer) {
        *error = OAuthMetadata::tr("The authorization-server metadata names the issuer “%1”, but it was fetched for “%2”; "
                                   "an issuer must match exactly (RFC 8414 section 3.3).")
                     .arg(m.issuer, expectedIssuer);
        return std::nullopt;
    }
    const auto endpoint = [&](const char *name, QUrl *out, bool required) {
        const QString text = json_fields::text(document, name);
        if (text.isEmpty()) {
            if (required)
                *error = OAuthMetadata::tr("The authorization-server metadata has no “%1”.").arg(QLatin1String(name));
            return !required;
        }
        *out = QUrl(text, QUrl::StrictMode);
        const QString problem = OAuthMetadata::endpointProblem(*out, QLatin1String(name));
        if (!problem.isEmpty()) {
            *error = problem;
            return false;
        }
        return true;
    };
    if (!endpoint("token_endpoint", &m.tokenEndpoint, true) || !endpoint("authorization_endpoint", &m.authorizationEndpoint, false)
        || !endpoint("registration_endpoint", &m.registrationEndpoint, false))
        return std::nullopt;
    m.codeChallengeMethodsDeclared = json_fields::member(document, "code_challenge_methods_supported") != nullptr;
    m.codeChallengeMethodsSupported = json_fields::texts(document, "code_challenge_methods_supported");
    m.tokenEndpointAuthMethodsDeclared = json_fields::member(document, "token_endpoint_auth_methods_supported") != nullptr;
    m.tokenEndpointAuthMethodsSupported = json_fields::texts(document, "token_endpoint_auth_methods_supported");
    m.scopesSupported = json_fields::texts(document, "scopes_supported");
    m.grantTypesSupported = json_fields::texts(document, "grant_types_supported");
    m.responseTypesSupported = json_fields::texts(document, "response_types_supported");
    m.clientIdMetadataDocumentSupported = json_fields::flag(document, "client_id_metadata_document_supported");
    m.issParameterSupported = json_fields::flag(document, "authorization_response_iss_parameter_supported");
    return m;
}

} // namespace crosstalk::auth
