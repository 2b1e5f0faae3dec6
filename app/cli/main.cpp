// crosstalk-cli: the headless tool. It links crosstalk-core alone.
#include "util/Version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("crosstalk-cli"));
    QCoreApplication::setApplicationVersion(crosstalk::versionString());
    QCoreApplication::setOrganizationName(QStringLiteral("Crosstalk"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "crosstalk-cli", "Crosstalk's headless tool: inspect A2A agents and MCP servers from scripts."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QCoreApplication::translate("crosstalk-cli", "What to do."));
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    QTextStream err(stderr);
    if (args.isEmpty()) {
        err << parser.helpText();
        return 2;
    }
    err << QCoreApplication::translate("crosstalk-cli", "crosstalk-cli: unknown command '%1'; see --help.")
               .arg(args.first())
        << Qt::endl;
    return 2;
}
