#include "workspace/CliCommand.h"

#include "util/ShellQuote.h"

namespace crosstalk::workspace {

QString mcpCliCommand(const Connection &server, const QStringList &verb)
{
    QStringList words{QStringLiteral("crosstalk-cli"), QStringLiteral("mcp")};
    words += verb;
    const auto valueOf = [](const NamedValue &v) {
        return v.isSecret() ? QString(RedactedValue) : v.value;
    };
    if (server.era != QLatin1String("auto") && !server.era.isEmpty())
        words << QStringLiteral("--era") << server.era;
    QString prefix;
    if (server.transport == QLatin1String("stdio")) {
        for (const NamedValue &v : server.environment)
            words << QStringLiteral("--env") << v.name + QLatin1Char('=') + valueOf(v);
        words << QStringLiteral("--") << server.command;
        words += server.arguments;
        if (!server.workingDirectory.isEmpty())
            prefix = QStringLiteral("cd ") + shellQuoted(server.workingDirectory) + QStringLiteral(" && ");
    } else {
        words << QStringLiteral("--url") << server.url.toString(QUrl::FullyEncoded);
        if (server.transport != QLatin1String("auto") && !server.transport.isEmpty())
            words << QStringLiteral("--transport") << server.transport;
        for (const NamedValue &v : server.headers)
            words << QStringLiteral("--header") << v.name + QStringLiteral(": ") + valueOf(v);
    }
    return prefix + shellCommandLine(words);
}

} // namespace crosstalk::workspace
