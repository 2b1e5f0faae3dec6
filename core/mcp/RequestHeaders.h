#pragma once

#include "http/RedirectRules.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace crosstalk::mcp {

/// The HTTP headers that mirror a modern-era (2026-07-28) request's body so
/// that intermediaries can route it without reading JSON: Mcp-Method,
/// Mcp-Name, and Mcp-Param-{Name} for tool parameters the server marked with
/// `x-mcp-header`.
class RequestHeaders
{
    Q_DECLARE_TR_FUNCTIONS(RequestHeaders)

public:
    /// One tool parameter mirrored into a header.
    struct Param
    {
        QStringList path;  ///< the chain of `properties` keys from the schema root
        QByteArray header; ///< the full header name, "Mcp-Param-{Name}"
    };

    /// What a tool's inputSchema asks to mirror, or why its `x-mcp-header`
    /// annotations are invalid (the tool must then be left out).
    struct ToolParams
    {
        QList<Param> params;
        QString problem;
        bool ok() const { return problem.isEmpty(); }
    };

    /// Reads every `x-mcp-header` in `inputSchema` and checks the rules: a
    /// non-empty token, unique regardless of case, on a string, integer or
    /// boolean property reached from the root through `properties` alone.
    static ToolParams toolParams(const nlohmann::json &inputSchema);

    /// A header value as the spec encodes it: plain when it is visible ASCII
    /// without surrounding white space, else `=?base64?…?=` of its UTF-8.
    static QByteArray encodeValue(const QString &value);

    /// The headers for a request: Mcp-Method always, Mcp-Name for tools/call,
    /// prompts/get and resources/read, and the tool's parameter headers for
    /// the values present in `params.arguments`.
    static http::HeaderList forRequest(const QString &method, const nlohmann::json &params,
                                       const QList<Param> &toolParams = {});
};

} // namespace crosstalk::mcp
