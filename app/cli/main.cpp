// crosstalk-cli: the headless tool. It links crosstalk-core alone.
#include "A2aCardCommand.h"
#include "A2aTaskCommand.h"
#include "CredentialCommand.h"
#include "McpCommand.h"
#include "McpConformanceCommand.h"
#include "CliSupport.h"

#include "util/Version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHash>

namespace {

QString usage()
{
    return QCoreApplication::translate("crosstalk-cli", "Usage: crosstalk-cli COMMAND [ARGUMENTS]\n"
              "\n"
              "Crosstalk's headless tool: inspect A2A agents and MCP servers from scripts.\n"
              "\n"
              "Commands:\n"
              "  a2a card URL [--key FILE] [--json]\n"
              "      Fetch an agent's card, validate it and check its signatures.\n"
              "  a2a send URL TEXT [--stream] [--push] [--task ID] [--context ID] [--data JSON] [--file PATH]\n"
              "                    [--binding jsonrpc|http-json] [--a2a-version 1.0|0.3] [--header \"Name: value\"]... [--json]\n"
              "      Send a message and follow the task it starts.\n"
              "  a2a get URL TASK_ID [--history N] [--json]\n"
              "  a2a list URL [--json]\n"
              "  a2a cancel URL TASK_ID [--json]\n"
              "  a2a subscribe URL TASK_ID [--json]\n"
              "      Show, list, cancel or follow tasks.\n"
              "  mcp VERB [VERB ARGS] [OPTIONS] (--url URL | -- COMMAND [ARGS...])\n"
              "      Connect to an MCP server (remote, or started over stdio) and run one verb: info, tools,\n"
              "      call TOOL, resources, templates, read URI, prompts, prompt NAME,\n"
              "      complete (--prompt NAME | --template URI) ARG VALUE, ping.\n"
              "  mcp-conformance URL\n"
              "      The client the official MCP conformance suite drives.\n"
              "  credential set NAME (--bearer | --api-key HEADER [--in header|query|cookie] | --basic USER)\n"
              "  credential list [--json]\n"
              "  credential delete NAME\n"
              "      Keep credentials in the operating system's keychain; set reads the secret from stdin.\n"
              "  Common options: --timeout SECONDS (default 30); --credential NAME sends a kept credential\n"
              "  (a2a commands, and mcp with --url).\n"
              "\n"
              "Options:\n"
              "  -h, --help     Show this help.\n"
              "  -v, --version  Show the version.\n"
              "\n"
              "Each command has its own --help. Exit codes: 0 success, 1 usage error, 2 the peer answered\n"
              "with an error or broke the protocol, 3 the card has validation errors or a signature that does\n"
              "not verify, 4 could not connect or timed out, 5 the task ended failed, canceled or rejected,\n"
              "6 the keychain is missing, refused or failed.\n");
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
    // Each verb parses its own arguments, with a program name first.
    const QStringList verbArguments = QStringList{QStringLiteral("crosstalk-cli a2a ") + verb} + args.mid(3);
    if (first == QLatin1String("a2a") && verb == QLatin1String("card")) {
        A2aCardCommand command;
        command.start(verbArguments);
        return QCoreApplication::exec();
    }
    static const QHash<QString, A2aTaskCommand::Verb> taskVerbs{
        {QStringLiteral("send"), A2aTaskCommand::Verb::Send},     {QStringLiteral("get"), A2aTaskCommand::Verb::Get},
        {QStringLiteral("list"), A2aTaskCommand::Verb::List},     {QStringLiteral("cancel"), A2aTaskCommand::Verb::Cancel},
        {QStringLiteral("subscribe"), A2aTaskCommand::Verb::Subscribe}};
    if (first == QLatin1String("a2a") && taskVerbs.contains(verb)) {
        A2aTaskCommand command(taskVerbs.value(verb));
        command.start(verbArguments);
        return QCoreApplication::exec();
    }
    if (first == QLatin1String("mcp")) {
        McpCommand command;
        command.start(QStringList{QStringLiteral("crosstalk-cli mcp")} + args.mid(2));
        return QCoreApplication::exec();
    }
    if (first == QLatin1String("credential")) {
        CredentialCommand command;
        command.start(QStringList{QStringLiteral("crosstalk-cli credential")} + args.mid(2));
        return QCoreApplication::exec();
    }
    if (first == QLatin1String("mcp-conformance")) {
        McpConformanceCommand command;
        command.start(QStringList{QStringLiteral("crosstalk-cli mcp-conformance")} + args.mid(2));
        return QCoreApplication::exec();
    }
    if (first == QLatin1String("a2a"))
        fail(QCoreApplication::translate("crosstalk-cli", "unknown a2a command '%1'; see --help.").arg(verb));
    else
        fail(QCoreApplication::translate("crosstalk-cli", "unknown command '%1'; see --help.").arg(first));
    return UsageError;
}
