#include "a2a/AgentCard.h"

#include "util/JsonFields.h"
#include "util/Utf8.h"

namespace crosstalk::a2a {

using nlohmann::json;
using namespace crosstalk::json_fields;

namespace {





// v1.0 requirements are {schemes: {name: {list: [scopes]}}}; v0.3's are
// OpenAPI's {name: [scopes]}.
SecurityRequirement requirementFrom(const json &value)
{
    SecurityRequirement requirement;
    const json *schemes = member(value, "schemes");
    const json &map = schemes && schemes->is_object() ? *schemes : value;
    if (!map.is_object())
        return requirement;
    for (auto it = map.begin(); it != map.end(); ++it) {
        QStringList scopes;
        const json &v = it.value();
        const json &list = v.is_object() && v.contains("list") ? v.at("list") : v;
        if (list.is_array()) {
            for (const json &s : list) {
                if (s.is_string())
                    scopes.append(utf8ToString(s.get_ref<const std::string &>()));
            }
        }
        requirement.insert(utf8ToString(it.key()), scopes);
    }
    return requirement;
}

SecurityScheme schemeFrom(const json &value)
{
    SecurityScheme scheme;
    // v1.0 wraps each kind in a member named after it.
    if (const json *s = member(value, "apiKeySecurityScheme")) {
        scheme.type = SecurityScheme::Type::ApiKey;
        scheme.location = text(*s, "location");
        scheme.parameterName = text(*s, "name");
        scheme.description = text(*s, "description");
    } else if (const json *s = member(value, "httpAuthSecurityScheme")) {
        scheme.type = SecurityScheme::Type::Http;
        scheme.httpScheme = text(*s, "scheme");
        scheme.bearerFormat = text(*s, "bearerFormat");
        scheme.description = text(*s, "description");
    } else if (const json *s = member(value, "oauth2SecurityScheme")) {
        scheme.type = SecurityScheme::Type::OAuth2;
        scheme.oauth2MetadataUrl = text(*s, "oauth2MetadataUrl");
        scheme.description = text(*s, "description");
        if (const json *flows = member(*s, "flows"))
            scheme.flows = *flows;
    } else if (const json *s = member(value, "openIdConnectSecurityScheme")) {
        scheme.type = SecurityScheme::Type::OpenIdConnect;
        scheme.openIdConnectUrl = text(*s, "openIdConnectUrl");
        scheme.description = text(*s, "description");
    } else if (const json *s = member(value, "mtlsSecurityScheme")) {
        scheme.type = SecurityScheme::Type::MutualTls;
        scheme.description = text(*s, "description");
    } else {
        // v0.3: OpenAPI style with a `type`.
        const QString type = text(value, "type");
        scheme.description = text(value, "description");
        if (type == QLatin1String("apiKey")) {
            scheme.type = SecurityScheme::Type::ApiKey;
            scheme.location = text(value, "in");
            scheme.parameterName = text(value, "name");
        } else if (type == QLatin1String("http")) {
            scheme.type = SecurityScheme::Type::Http;
            scheme.httpScheme = text(value, "scheme");
            scheme.bearerFormat = text(value, "bearerFormat");
        } else if (type == QLatin1String("oauth2")) {
            scheme.type = SecurityScheme::Type::OAuth2;
            scheme.oauth2MetadataUrl = text(value, "oauth2MetadataUrl");
            if (const json *flows = member(value, "flows"))
                scheme.flows = *flows;
        } else if (type == QLatin1String("openIdConnect")) {
            scheme.type = SecurityScheme::Type::OpenIdConnect;
            scheme.openIdConnectUrl = text(value, "openIdConnectUrl");
        } else if (type == QLatin1String("mutualTLS")) {
            scheme.type = SecurityScheme::Type::MutualTls;
        }
    }
    return scheme;
}

} // namespace

QString bindingName(Binding binding)
{
    switch (binding) {
    case Binding::JsonRpc:
        return QStringLiteral("JSONRPC");
    case Binding::HttpJson:
        return QStringLiteral("HTTP+JSON");
    case Binding::Grpc:
        return QStringLiteral("GRPC");
    case Binding::Unknown:
        break;
    }
    return QString();
}

Binding bindingFromName(const QString &name)
{
    const QString n = name.trimmed().toUpper();
    if (n == QLatin1String("JSONRPC") || n == QLatin1String("JSON-RPC"))
        return Binding::JsonRpc;
    if (n == QLatin1String("HTTP+JSON") || n == QLatin1String("REST"))
        return Binding::HttpJson;
    if (n == QLatin1String("GRPC"))
        return Binding::Grpc;
    return Binding::Unknown;
}

AgentCard AgentCard::fromJson(const json &j)
{
    AgentCard card;
    card.raw = j;
    card.version = detectCardVersion(j);
    if (!j.is_object())
        return card;

    card.name = text(j, "name");
    card.description = text(j, "description");
    card.agentVersion = text(j, "version");
    card.documentationUrl = text(j, "documentationUrl");
    card.iconUrl = text(j, "iconUrl");
    if (const json *provider = member(j, "provider")) {
        card.providerOrganization = text(*provider, "organization");
        card.providerUrl = text(*provider, "url");
    }

    const QString cardVersion = text(j, "protocolVersion");
    if (const json *interfaces = member(j, "supportedInterfaces"); interfaces && interfaces->is_array()) {
        for (const json &i : *interfaces) {
            AgentInterface in;
            in.url = text(i, "url");
            in.bindingText = text(i, "protocolBinding");
            in.binding = bindingFromName(in.bindingText);
            in.protocolVersion = text(i, "protocolVersion");
            in.tenant = text(i, "tenant");
            if (!in.url.isEmpty() || !in.bindingText.isEmpty())
                card.interfaces.append(in);
        }
    }
    if (card.version != ProtocolVersion::V1_0 || card.interfaces.isEmpty()) {
        // v0.3 / v0.2: the main url with its preferred transport (JSON-RPC
        // when none is named), then the additional interfaces.
        const QString version = cardVersion.isEmpty() ? protocolVersionName(card.version) : cardVersion;
        QList<AgentInterface> legacy;
        if (const QString url = text(j, "url"); !url.isEmpty()) {
            AgentInterface main;
            main.url = url;
            main.bindingText = text(j, "preferredTransport");
            if (main.bindingText.isEmpty())
                main.bindingText = QStringLiteral("JSONRPC");
            main.binding = bindingFromName(main.bindingText);
            main.protocolVersion = version;
            legacy.append(main);
        }
        if (const json *extra = member(j, "additionalInterfaces"); extra && extra->is_array()) {
            for (const json &i : *extra) {
                AgentInterface in;
                in.url = text(i, "url");
                in.bindingText = text(i, "transport");
                in.binding = bindingFromName(in.bindingText);
                in.protocolVersion = version;
                const bool same = !legacy.isEmpty() && legacy.first().url == in.url && legacy.first().binding == in.binding;
                if (!same && !in.url.isEmpty())
                    legacy.append(in);
            }
        }
        card.interfaces.append(legacy);
    }

    if (const json *caps = member(j, "capabilities")) {
        card.streaming = flag(*caps, "streaming");
        card.pushNotifications = flag(*caps, "pushNotifications");
        card.extendedCard = flag(*caps, "extendedAgentCard");
        if (const json *extensions = member(*caps, "extensions"); extensions && extensions->is_array()) {
            for (const json &e : *extensions)
                card.extensions.append(AgentExtension{text(e, "uri"), text(e, "description"), flag(e, "required")});
        }
    }
    card.extendedCard = card.extendedCard || flag(j, "supportsAuthenticatedExtendedCard");

    if (const json *schemes = member(j, "securitySchemes"); schemes && schemes->is_object()) {
        for (auto it = schemes->begin(); it != schemes->end(); ++it)
            card.securitySchemes.insert(utf8ToString(it.key()), schemeFrom(it.value()));
    }
    for (const char *name : {"securityRequirements", "security"}) {
        if (const json *requirements = member(j, name); requirements && requirements->is_array()) {
            for (const json &r : *requirements)
                card.securityRequirements.append(requirementFrom(r));
            break;
        }
    }

    card.defaultInputModes = texts(j, "defaultInputModes");
    card.defaultOutputModes = texts(j, "defaultOutputModes");
    if (const json *skills = member(j, "skills"); skills && skills->is_array()) {
        for (const json &s : *skills) {
            if (!s.is_object())
                continue;
            card.skills.append(AgentSkill{text(s, "id"), text(s, "name"), text(s, "description"), texts(s, "tags"),
                                          texts(s, "examples"), texts(s, "inputModes"), texts(s, "outputModes")});
        }
    }
    if (const json *signatures = member(j, "signatures"); signatures && signatures->is_array()) {
        for (const json &s : *signatures)
            card.signatures.append(CardSignatureEntry{text(s, "protected"), text(s, "signature")});
    }
    return card;
}

std::optional<AgentInterface> AgentCard::interfaceFor(Binding binding, const QString &protocolVersion) const
{
    for (const AgentInterface &i : interfaces) {
        if (i.binding != binding)
            continue;
        if (protocolVersion.isEmpty() || i.protocolVersion.startsWith(protocolVersion))
            return i;
    }
    return std::nullopt;
}

} // namespace crosstalk::a2a
