#pragma once

#include "workspace/Workspace.h"

#include <QString>
#include <QStringList>

namespace crosstalk::workspace {

/// What a secret's value is replaced with in a command made to be copied.
inline constexpr auto RedactedValue = QLatin1StringView("<secret>");

/// The `crosstalk-cli mcp` command line that does `verb` (for example
/// {"call", "echo", "--args", "{…}"}) against a saved MCP server, quoted for
/// a POSIX shell: `--url` with its transport, era and headers, or the
/// command after `--` with its environment (a working directory becomes a
/// `cd … &&` first). Secret header and environment values are never
/// written: they read `<secret>`.
QString mcpCliCommand(const Connection &server, const QStringList &verb);

} // namespace crosstalk::workspace
