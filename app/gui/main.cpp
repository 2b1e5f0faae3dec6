// The crosstalk GUI: the composition root that sets the application up and
// shows the main window.

#include "MainWindow.h"
#include "Translations.h"
#include "util/Version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QIcon>

namespace {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Crosstalk"));
    QCoreApplication::setApplicationName(QStringLiteral("Crosstalk"));
    QCoreApplication::setApplicationVersion(crosstalk::versionString());
    QGuiApplication::setDesktopFileName(QStringLiteral("org.crosstalk.Crosstalk"));
}

void describeCommandLine(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Crosstalk, a desktop inspector and playground for A2A agents and MCP servers."));
    parser.addHelpOption();
    parser.addVersionOption();
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

} // namespace

int main(int argc, char *argv[])
{
    setApplicationIdentity();
    answerTextOnlyOptions(argc, argv);

    QApplication app(argc, argv);
    crosstalk::installTranslators(app);
    QCommandLineParser parser;
    describeCommandLine(parser);
    parser.process(app);

    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/crosstalk.svg")));

    crosstalk::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
