#include "MainWindow.h"

#include "AboutDialog.h"
#include "util/Version.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QVBoxLayout>

namespace crosstalk::ui {

namespace {

constexpr auto geometryKey = QLatin1StringView("mainWindow/geometry");
constexpr auto stateKey = QLatin1StringView("mainWindow/state");

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(productName());
    setWindowIcon(QIcon(QStringLiteral(":/icons/crosstalk.svg")));

    createActions();
    createMenus();
    setCentralWidget(createPlaceholder());
    statusBar()->setObjectName(QStringLiteral("statusBar"));

    resize(1024, 680);
    restoreWindowSettings();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::createActions()
{
    m_quitAction = new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    m_quitAction->setStatusTip(tr("Close the window and quit Crosstalk"));
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_aboutAction = new QAction(QIcon::fromTheme(QStringLiteral("help-about")), tr("&About Crosstalk"), this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_aboutAction->setStatusTip(tr("Show the version of Crosstalk and the licences it is under"));
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAboutDialog);

    m_aboutQtAction = new QAction(tr("About &Qt"), this);
    m_aboutQtAction->setObjectName(QStringLiteral("aboutQtAction"));
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    m_aboutQtAction->setStatusTip(tr("Show the version and licence of Qt"));
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->setObjectName(QStringLiteral("fileMenu"));
    fileMenu->addAction(m_quitAction);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->setObjectName(QStringLiteral("helpMenu"));
    helpMenu->addAction(m_aboutAction);
    helpMenu->addAction(m_aboutQtAction);
}

QWidget *MainWindow::createPlaceholder()
{
    auto *placeholder = new QWidget(this);
    placeholder->setObjectName(QStringLiteral("placeholderWidget"));

    auto *titleLabel = new QLabel(tr("No connections yet"), placeholder);
    titleLabel->setObjectName(QStringLiteral("placeholderTitleLabel"));
    titleLabel->setTextFormat(Qt::PlainText);
    titleLabel->setAlignment(Qt::AlignCenter);
    QFont titleFont = titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleLabel->setFont(titleFont);

    auto *textLabel
        = new QLabel(tr("This window will show the A2A agents and MCP servers you connect to: "
                        "their cards, tasks, tools, resources and prompts, and the traffic exchanged with them."),
                     placeholder);
    textLabel->setObjectName(QStringLiteral("placeholderTextLabel"));
    textLabel->setTextFormat(Qt::PlainText);
    textLabel->setAlignment(Qt::AlignCenter);
    textLabel->setWordWrap(true);
    textLabel->setMaximumWidth(textLabel->fontMetrics().averageCharWidth() * 64);
    QPalette textPalette = textLabel->palette();
    textPalette.setColor(QPalette::WindowText, textPalette.color(QPalette::PlaceholderText));
    textLabel->setPalette(textPalette);

    // The explanation wraps within its maximum width and stays centred.
    auto *textRow = new QHBoxLayout;
    textRow->addStretch(1);
    textRow->addWidget(textLabel, 4);
    textRow->addStretch(1);

    auto *layout = new QVBoxLayout(placeholder);
    layout->addStretch();
    layout->addWidget(titleLabel);
    layout->addLayout(textRow);
    layout->addStretch();
    return placeholder;
}

void MainWindow::showAboutDialog()
{
    // Shown without a modal event loop; a second request raises the open dialog.
    if (!m_aboutDialog) {
        m_aboutDialog = new AboutDialog(this);
        m_aboutDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_aboutDialog->show();
    m_aboutDialog->raise();
    m_aboutDialog->activateWindow();
}

void MainWindow::restoreWindowSettings()
{
    const QSettings settings;
    restoreGeometry(settings.value(geometryKey).toByteArray());
    restoreState(settings.value(stateKey).toByteArray());
}

void MainWindow::saveWindowSettings() const
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState());
}

} // namespace crosstalk::ui
