#include "a2a/ProtocolVersion.h"

namespace crosstalk::a2a {

namespace {

ProtocolVersion fromVersionString(const std::string &v)
{
    if (v == "1" || v.rfind("1.", 0) == 0)
        return ProtocolVersion::V1_0;
    if (v.rfind("0.3", 0) == 0)
        return ProtocolVersion::V0_3;
    if (v.rfind("0.2", 0) == 0 || v.rfind("0.1", 0) == 0)
        return ProtocolVersion::V0_2;
    return ProtocolVersion::Unknown;
}

} // namespace

QString protocolVersionName(ProtocolVersion version)
{
    switch (version) {
    case ProtocolVersion::V1_0:
        return QStringLiteral("1.0");
    case ProtocolVersion::V0_3:
        return QStringLiteral("0.3");
    case ProtocolVersion::V0_2:
        return QStringLiteral("0.2");
    case ProtocolVersion::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

ProtocolVersion detectCardVersion(const nlohmann::json &card)
{
    if (!card.is_object())
        return ProtocolVersion::Unknown;
    const auto interfaces = card.find("supportedInterfaces");
    if (interfaces != card.end() && interfaces->is_array()) {
        for (const auto &i : *interfaces) {
            const auto v = i.is_object() ? i.find("protocolVersion") : i.end();
            if (i.is_object() && v != i.end() && v->is_string()
                && fromVersionString(v->get<std::string>()) == ProtocolVersion::V1_0)
                return ProtocolVersion::V1_0;
        }
        if (!card.contains("url"))
            return ProtocolVersion::V1_0;
    }
    const auto version = card.find("protocolVersion");
    if (version != card.end() && version->is_string()) {
        const ProtocolVersion v = fromVersionString(version->get<std::string>());
        if (v != ProtocolVersion::Unknown)
            return v;
    }
    if (card.contains("url"))
        return version == card.end() ? ProtocolVersion::V0_2 : ProtocolVersion::Unknown;
    return ProtocolVersion::Unknown;
}

} // namespace crosstalk::a2a
