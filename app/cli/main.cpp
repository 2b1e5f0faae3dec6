// crosstalk-cli: the headless tool. It links crosstalk-core alone.
#include "A2aCardCommand.h"
#include "CliSupport.h"

#include "util/Version.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace {

QString usage()
{
    return QCoreApplication::translate("crosstalk-cli", "Usage: crosstalk-cli COMMAND [ARGUMENTS]\n"
              "\n"
              "Crosstalk's headless tool: inspect A2A agents and MCP servers from scripts.\n"
              "\n"
              "Commands:\n"
              "  a2a card URL [--key FILE] [--json] [--timeout SECONDS]\n"
              "      Fetch an agent's card, validate it and check its signatures.\n"
              "\n"
              "Options:\n"
              "  -h, --help     Show this help.\n"
              "  -v, --version  Show the version.\n"
              "\n"
              "Each command has its own --help. Exit codes: 0 success, 1 usage error, 2 the peer answered\n"
              "with an error or broke the protocol, 3 the card has validation errors or a signature that does\n"
              "not verify, 4 could not connect or timed out, 5 the task ended failed, canceled or rejected.\n");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("crosstalk-cli"));
    QCoreApplication::setApplicationVersion(crosstalk::versionString());
    QCoreApplication::setOrganizationName(QStringLiteral("Crosstalk"));
    using namespace crosstalk::cli;

    const QStringList args = QCoreApplication::arguments();
    const QString first = args.value(1);
    if (first == QLatin1String("-h") || first == QLatin1String("--help")) {
        out() << usage();
        return Success;
    }
    if (first == QLatin1String("-v") || first == QLatin1String("--version")) {
        out() << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << Qt::endl;
        return Success;
    }
    if (first.isEmpty()) {
        err() << usage();
        return UsageError;
    }
    const QString verb = args.value(2);
    if (first == QLatin1String("a2a") && verb == QLatin1String("card")) {
        A2aCardCommand command;
        // The verb's own arguments, with a program name first for its parser.
        command.start(QStringList{QStringLiteral("crosstalk-cli a2a card")} + args.mid(3));
        return QCoreApplication::exec();
    }
    if (first == QLatin1String("a2a"))
        fail(QCoreApplication::translate("crosstalk-cli", "unknown a2a command '%1'; see --help.").arg(verb));
    else
        fail(QCoreApplication::translate("crosstalk-cli", "unknown command '%1'; see --help.").arg(first));
    return UsageError;
}
