#pragma once

#include "a2a/ProtocolVersion.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <nlohmann/json.hpp>

#include <optional>

namespace crosstalk::a2a {

/// How an interface is spoken.
enum class Binding { JsonRpc, HttpJson, Grpc, Unknown };

/// "JSONRPC", "HTTP+JSON", "GRPC" (the v1.0 names; v0.3 spells them the same).
QString bindingName(Binding binding);
Binding bindingFromName(const QString &name);

struct AgentInterface
{
    QString url;
    Binding binding = Binding::Unknown;
    /// The binding as the card spelled it (kept when it is not one we know).
    QString bindingText;
    /// The A2A version spoken there ("1.0", "0.3"): v1.0 cards say it per
    /// interface; for v0.3 and v0.2 cards it is the card's protocolVersion.
    QString protocolVersion;
    /// v1.0 multi-tenant agents: sent as `tenant` (JSON-RPC) or path prefix (HTTP+JSON).
    QString tenant;
};

struct AgentSkill
{
    QString id;
    QString name;
    QString description;
    QStringList tags;
    QStringList examples;
    QStringList inputModes;
    QStringList outputModes;
};

struct AgentExtension
{
    QString uri;
    QString description;
    bool required = false;
};

struct SecurityScheme
{
    enum class Type { ApiKey, Http, OAuth2, OpenIdConnect, MutualTls, Unknown };
    Type type = Type::Unknown;
    QString description;
    /// API key: where it goes ("header", "query" or "cookie") and under what name.
    QString location;
    QString parameterName;
    /// HTTP authentication: the scheme ("bearer", "basic") and the bearer format.
    QString httpScheme;
    QString bearerFormat;
    QString openIdConnectUrl;
    QString oauth2MetadataUrl;
    /// OAuth 2 flows as the card gave them (shapes differ between versions).
    nlohmann::json flows;
};

/// One way of satisfying the card's security: every scheme named here, each
/// with the scopes it needs. A card lists alternatives.
using SecurityRequirement = QMap<QString, QStringList>;

struct CardSignatureEntry
{
    QString protectedHeader; ///< base64url
    QString signature;       ///< base64url
};

/// An Agent Card of any generation in one shape. The JSON as received is kept
/// beside it, unchanged: views show it, validation and signatures use it.
struct AgentCard
{
    ProtocolVersion version = ProtocolVersion::Unknown;
    nlohmann::json raw;

    QString name;
    QString description;
    QString agentVersion;
    QString documentationUrl;
    QString iconUrl;
    QString providerOrganization;
    QString providerUrl;

    /// Preferred first: the first of v1.0's supportedInterfaces, or v0.3's url
    /// with its preferredTransport followed by additionalInterfaces.
    QList<AgentInterface> interfaces;

    bool streaming = false;
    bool pushNotifications = false;
    bool extendedCard = false; ///< v1.0 capabilities.extendedAgentCard, v0.3 supportsAuthenticatedExtendedCard
    QList<AgentExtension> extensions;

    QMap<QString, SecurityScheme> securitySchemes;
    QList<SecurityRequirement> securityRequirements;

    QStringList defaultInputModes;
    QStringList defaultOutputModes;
    QList<AgentSkill> skills;
    QList<CardSignatureEntry> signatures;

    /// Reads a card of any generation. Members of the wrong type are read as
    /// absent (validation reports them); never throws.
    static AgentCard fromJson(const nlohmann::json &json);
    /// The preferred interface for a binding and version, if the card has one.
    std::optional<AgentInterface> interfaceFor(Binding binding, const QString &protocolVersion = {}) const;
};

} // namespace crosstalk::a2a
