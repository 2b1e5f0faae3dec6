#pragma once

#include "a2a/ProtocolVersion.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

namespace crosstalk::a2a {

/// One finding about an agent card.
struct CardIssue
{
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    /// JSON pointer (RFC 6901) into the card as received; "" for the whole
    /// card. Member names are kept exactly, hidden characters included.
    QString pointer;
    /// One plain sentence for people, translated, naming what is wrong. Peer
    /// text quoted in it is shortened and its hidden characters are spelled
    /// out as <U+XXXX>, so it is safe to show but still plain text only.
    QString message;
};

/// "error" or "warning": the spelling of the CLI's JSON output.
QString severityName(CardIssue::Severity severity);

/// Checks an agent card against the A2A generation it claims.
///
/// - v1.0: required members and types of AgentCard and what it holds, by hand,
///   from a2a.proto (v1.0.1) in its ProtoJSON form (camelCase names; a null
///   member counts as absent).
/// - v0.3: the official A2A v0.3 JSON Schema (definitions/AgentCard), with
///   valijson, when the build embedded it; otherwise structural checks by hand
///   plus one warning that the official schema was not available.
/// - v0.2 (and 0.1): the v0.3 rules, except that a missing member that v0.3
///   requires but earlier cards did not (protocolVersion, description,
///   defaultInputModes, defaultOutputModes, skills[].description,
///   skills[].tags, provider.url) is a warning instead of an error.
/// - Unknown: one error saying the version could not be told, then the
///   structural checks common to v0.3 and v1.0.
///
/// Every version also gets: endpoint URLs that are plain http to a host other
/// than loopback, or that are not absolute http(s) URLs (GRPC interfaces may be
/// host:port or a gRPC target such as dns:///host:port); no security scheme
/// declared; security requirements naming an undeclared scheme (an error);
/// duplicate skill ids; hidden Unicode (bidi controls, tag characters,
/// zero-width characters, U+2060, U+FEFF) in any string or member name;
/// iconUrl, provider.url and documentationUrl that are neither https nor data:.
///
/// Issues come in this order: the version, structure, then the checks above.
/// Never throws and never recurses on the card's nesting depth. At most
/// MaxIssues issues are returned; when more were found, the last one is a
/// warning saying how many were left out.
class CardValidator
{
    Q_DECLARE_TR_FUNCTIONS(CardValidator)

public:
    static constexpr int MaxIssues = 500;

    /// How the structure of v0.3 and v0.2 cards is checked.
    enum class V03Structure {
        /// The official schema; by hand, with a warning saying so, when this
        /// build does not carry it.
        OfficialSchema,
        /// By hand only, without that warning (lets tests hold both to the same cases).
        ByHand,
    };

    static QList<CardIssue> validate(const nlohmann::json &card, ProtocolVersion version,
                                     V03Structure structure = V03Structure::OfficialSchema);

    /// Whether this build carries the official v0.3 JSON Schema (parsed once,
    /// on first use, and shared by all threads).
    static bool hasOfficialV03Schema();
};

/// CardValidator::validate().
QList<CardIssue> validateCard(const nlohmann::json &card, ProtocolVersion version);

/// Whether any of the issues is an error.
bool hasErrors(const QList<CardIssue> &issues);

} // namespace crosstalk::a2a
