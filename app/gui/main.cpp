// The crosstalk GUI: the composition root that sets the application up and
// shows the main window.

#include "MainWindow.h"
#include "auth/CredentialStore.h"
#include "McpRequestHandler.h"
#include "Translations.h"
#include "traffic/TrafficLog.h"
#include "util/Clock.h"
#include "util/Version.h"
#include "workspace/AgentSessions.h"
#include "workspace/McpSessions.h"
#include "workspace/ConnectionStates.h"
#include "workspace/Workspace.h"
#include "workspace/WorkspaceStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QIcon>
#include <QTimer>

#include <cstdio>

namespace {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Crosstalk"));
    QCoreApplication::setApplicationName(QStringLiteral("Crosstalk"));
    QCoreApplication::setApplicationVersion(crosstalk::versionString());
    QGuiApplication::setDesktopFileName(QStringLiteral("org.crosstalk.Crosstalk"));
}

QCommandLineOption workspaceOption()
{
    return QCommandLineOption(QStringLiteral("workspace"),
                              QCoreApplication::translate("main", "Open the workspace in FILE, and save it there."),
                              QCoreApplication::translate("main", "FILE"));
}

void describeCommandLine(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Crosstalk, a desktop inspector and playground for A2A agents and MCP servers."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(workspaceOption());
}

// --help and --version only print text, so they are answered before a window
// system is touched: they work on a machine without a display too. Anything
// else (including Qt's own options such as -platform) is left to the GUI.
void answerTextOnlyOptions(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    crosstalk::installTranslators(app);
    QCommandLineParser parser;
    describeCommandLine(parser);
    parser.parse(QCoreApplication::arguments());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(); // exits
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion(); // exits
}

// CROSSTALK_STARTUP_PROBE set (crosstalk-gui-bench startup): once the window
// is first painted, "CROSSTALK_STARTUP painted <ms since main() began>" goes
// to stderr; after two idle seconds, "CROSSTALK_STARTUP idle-rss-kb <VmRSS>",
// and the application quits.
class StartupProbe : public QObject
{
public:
    StartupProbe(QWidget *window, const QElapsedTimer &sinceMain)
        : QObject(window)
        , m_sinceMain(sinceMain)
    {
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint)
            return false;
        watched->removeEventFilter(this);
        // Queued: it runs once the children are painted too and the frame is flushed.
        QMetaObject::invokeMethod(
            this,
            [this] {
                std::fprintf(stderr, "CROSSTALK_STARTUP painted %.1f\n", double(m_sinceMain.nsecsElapsed()) / 1e6);
                QTimer::singleShot(2000, this, [] {
                    std::fprintf(stderr, "CROSSTALK_STARTUP idle-rss-kb %lld\n", residentKiB());
                    QCoreApplication::quit();
                });
            },
            Qt::QueuedConnection);
        return false;
    }

private:
    static long long residentKiB()
    {
        QFile status(QStringLiteral("/proc/self/status"));
        if (status.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : status.readAll().split('\n')) {
                if (line.startsWith("VmRSS:"))
                    return line.mid(6).trimmed().split(' ').value(0).toLongLong();
            }
        }
        return 0;
    }

    QElapsedTimer m_sinceMain;
};

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    setApplicationIdentity();
    answerTextOnlyOptions(argc, argv);

    QApplication app(argc, argv);
    crosstalk::installTranslators(app);
    QCommandLineParser parser;
    describeCommandLine(parser);
    parser.process(app);

    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/crosstalk.svg")));

    using namespace crosstalk;
    // The composition root: the workspace, what is recorded of its traffic,
    // the live state of its connections, and the file it is kept in.
    workspace::Workspace workspace;
    traffic::TrafficLog traffic(qsizetype(256) * 1024 * 1024, Clock::system());
    workspace::ConnectionStates states(&workspace, &traffic);
    const QString path = parser.isSet(workspaceOption()) ? parser.value(workspaceOption())
                                                         : workspace::WorkspaceStore::defaultPath();
    workspace::WorkspaceStore store(&workspace, path);
    workspace::AgentSessions sessions(&workspace, &states, &traffic);
    // Sign-ins keep their tokens in the OS keychain (or, without one and if
    // the person agrees, in memory for this run).
    auth::CredentialStore credentials;
    // What servers ask (sampling, elicitation, roots) is answered in dialogs.
    ui::McpRequestHandler requests(&workspace);
    workspace::McpSessions servers(&workspace, &states, &traffic, &requests);
    // Agents signed into before are signed into again from the keychain.
    sessions.setCredentialStore(&credentials);
    sessions.setBrowser([](const QUrl &url) { QDesktopServices::openUrl(url); });
    // Servers over HTTP sign in with OAuth in the system browser, keeping
    // their tokens in the keychain.
    servers.setCredentialStore(&credentials);
    servers.setBrowser([](const QUrl &url) { QDesktopServices::openUrl(url); });

    ui::MainWindow window({&workspace, &states, &store, &traffic, &sessions, &servers, &requests, &credentials});
    if (qEnvironmentVariableIsSet("CROSSTALK_STARTUP_PROBE"))
        new StartupProbe(&window, sinceMain);
    window.show();
    store.load(); // read on a worker; the window is up meanwhile
    return QApplication::exec();
}
