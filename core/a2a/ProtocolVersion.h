#pragma once

#include <QString>

#include <nlohmann/json.hpp>

namespace crosstalk::a2a {

/// The A2A generation a card (or a peer) speaks.
enum class ProtocolVersion {
    V1_0, ///< "1.0": supportedInterfaces with protocolBinding, A2A-Version header
    V0_3, ///< "0.3": url + preferredTransport + additionalInterfaces, kind discriminators
    V0_2, ///< "0.2" and earlier: like 0.3, card at /.well-known/agent.json
    Unknown,
};

/// "1.0", "0.3", "0.2" or "unknown": the spelling of the CLI's JSON output.
QString protocolVersionName(ProtocolVersion version);

/// The newest generation a card declares: 1.0 when any of its
/// supportedInterfaces says protocolVersion 1.x (or it has supportedInterfaces
/// and no top-level url), else the top-level protocolVersion (0.3.x or 0.2.x;
/// a card with a url and no protocolVersion is taken as 0.2).
ProtocolVersion detectCardVersion(const nlohmann::json &card);

} // namespace crosstalk::a2a
