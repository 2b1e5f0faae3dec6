#include "auth/OAuthGrant.h"

#include "util/JsonFields.h"

namespace crosstalk::auth {

using nlohmann::json;

namespace {

json strings(const QStringList &list)
{
    json out = json::array();
    for (const QString &s : list)
        out.push_back(s.toStdString());
    return out;
}

} // namespace

QString OAuthClient::sourceName(Source source)
{
    switch (source) {
    case Source::PreRegistered:
        return QStringLiteral("pre-registered");
    case Source::MetadataDocument:
        return QStringLiteral("metadata-document");
    case Source::Dynamic:
        return QStringLiteral("dynamic");
    }
    return {};
}

const OAuthTokens *OAuthGrant::tokensFor(const QString &resource) const
{
    for (const OAuthTokens &t : tokens) {
        if (t.resource == resource)
            return &t;
    }
    return nullptr;
}

void OAuthGrant::setTokens(const OAuthTokens &t)
{
    tokens.removeIf([&](const OAuthTokens &o) { return o.resource == t.resource; });
    tokens.append(t);
}

json OAuthGrant::toJson() const
{
    json out{{"issuer", issuer.toStdString()}};
    if (client) {
        out["client"] = json{{"clientId", client->clientId.toStdString()},
                             {"clientSecret", client->clientSecret.toStdString()},
                             {"tokenEndpointAuthMethod", client->tokenEndpointAuthMethod.toStdString()},
                             {"source", OAuthClient::sourceName(client->source).toStdString()},
                             {"redirectUris", strings(client->redirectUris)}};
    }
    json list = json::array();
    for (const OAuthTokens &t : tokens) {
        json item{{"resource", t.resource.toStdString()},
                  {"accessToken", t.accessToken.toStdString()},
                  {"refreshToken", t.refreshToken.toStdString()},
                  {"tokenType", t.tokenType.toStdString()},
                  {"grantedScopes", strings(t.grantedScopes)},
                  {"requestedScopes", strings(t.requestedScopes)}};
        if (t.expiresAt.isValid())
            item["expiresAt"] = t.expiresAt.toUTC().toString(Qt::ISODate).toStdString();
        list.push_back(std::move(item));
    }
    out["tokens"] = std::move(list);
    return out;
}

std::optional<OAuthGrant> OAuthGrant::fromJson(const json &value)
{
    if (!value.is_object())
        return std::nullopt;
    OAuthGrant g;
    g.issuer = json_fields::text(value, "issuer");
    if (g.issuer.isEmpty())
        return std::nullopt;
    if (const json *c = json_fields::member(value, "client"); c && c->is_object()) {
        OAuthClient client;
        client.issuer = g.issuer;
        client.clientId = json_fields::text(*c, "clientId");
        client.clientSecret = json_fields::text(*c, "clientSecret");
        client.tokenEndpointAuthMethod = json_fields::text(*c, "tokenEndpointAuthMethod");
        const QString source = json_fields::text(*c, "source");
        client.source = source == QLatin1String("dynamic") ? OAuthClient::Source::Dynamic
            : source == QLatin1String("metadata-document") ? OAuthClient::Source::MetadataDocument
                                                           : OAuthClient::Source::PreRegistered;
        client.redirectUris = json_fields::texts(*c, "redirectUris");
        if (!client.clientId.isEmpty())
            g.client = client;
    }
    if (const json *list = json_fields::member(value, "tokens"); list && list->is_array()) {
        for (const json &item : *list) {
            OAuthTokens t;
            t.resource = json_fields::text(item, "resource");
            t.accessToken = json_fields::text(item, "accessToken");
            t.refreshToken = json_fields::text(item, "refreshToken");
            t.tokenType = json_fields::text(item, "tokenType");
            t.grantedScopes = json_fields::texts(item, "grantedScopes");
            t.requestedScopes = json_fields::texts(item, "requestedScopes");
            const QString expires = json_fields::text(item, "expiresAt");
            if (!expires.isEmpty())
                t.expiresAt = QDateTime::fromString(expires, Qt::ISODate);
            if (!t.resource.isEmpty())
                g.tokens.append(t);
        }
    }
    return g;
}

} // namespace crosstalk::auth
