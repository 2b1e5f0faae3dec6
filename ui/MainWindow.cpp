#include "MainWindow.h"

#include "AboutDialog.h"
#include "AgentCardView.h"
#include "ConnectionsSidebar.h"
#include "ConversationView.h"
#include "McpImportDialog.h"
#include "McpRequestHandler.h"
#include "McpServerView.h"
#include "PeerText.h"
#include "SignInDialog.h"
#include "TasksView.h"
#include "TrafficInspector.h"
#include "WorkspaceModel.h"
#include "util/Version.h"
#include "a2a/CardDiff.h"
#include "a2a/WebhookReceiver.h"
#include "auth/A2aSignIn.h"
#include "auth/CredentialStore.h"
#include "workspace/AgentSessions.h"
#include "workspace/ConnectionStates.h"
#include "workspace/Workspace.h"
#include "workspace/WorkspaceStore.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace crosstalk::ui {

namespace {

constexpr auto geometryKey = QLatin1StringView("mainWindow/geometry");
constexpr auto stateKey = QLatin1StringView("mainWindow/state");
constexpr auto currentKey = QLatin1StringView("mainWindow/currentConnection");
constexpr auto agentTabKey = QLatin1StringView("mainWindow/agentTab");

} // namespace

MainWindow::MainWindow(const WorkspaceServices &services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(productName());
    setWindowIcon(QIcon(QStringLiteral(":/icons/crosstalk.svg")));

    createActions();
    createSidebar();
    createMenus();
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("centralStack"));
    m_placeholder = createPlaceholder();
    createAgentTabs();
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_agentTabs);
    if (services.mcp) {
        m_serverView = new McpServerView(services.workspace, services.states, services.mcp, services.requests, m_stack);
        if (services.requests)
            services.requests->setParentWidget(this);
        m_stack->addWidget(m_serverView);
    }
    setCentralWidget(m_stack);
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    updatePlaceholder();
    connect(m_sidebar, &ConnectionsSidebar::currentChanged, this, &MainWindow::showCurrent);
    // The connection chosen last time is chosen again once the workspace is read.
    connect(services.workspace, &workspace::Workspace::wasReset, this, [this] {
        m_sidebar->select(QSettings().value(currentKey).toString());
    });
    connect(services.states, &workspace::ConnectionStates::stateChanged, this, [this](const QString &id) {
        if (id == m_sidebar->currentId())
            showCurrent();
    });
    connect(services.workspace, &workspace::Workspace::changed, this, &MainWindow::updatePlaceholder);
    if (auto *store = services.store) {
        // Problems with the file are said where people look, without a box
        // to click away.
        connect(store, &workspace::WorkspaceStore::loaded, this, [this](const QString &error) {
            if (!error.isEmpty())
                statusBar()->showMessage(tr("The workspace could not be read, and will not be saved over: %1").arg(error));
        });
        connect(store, &workspace::WorkspaceStore::saved, this, [this](const QString &error) {
            if (!error.isEmpty())
                statusBar()->showMessage(tr("The workspace could not be saved: %1").arg(error));
        });
        connect(store, &workspace::WorkspaceStore::imported, this,
                [this](const workspace::WorkspaceData &data, const QString &error) {
                    if (!error.isEmpty()) {
                        statusBar()->showMessage(tr("Nothing was imported: %1").arg(error));
                        return;
                    }
                    const int count = m_services.workspace->merge(data);
                    statusBar()->showMessage(tr("Imported %n connection(s).", nullptr, count), 5000);
                });
        connect(store, &workspace::WorkspaceStore::mcpConfigImported, this,
                [this](const QString &path, const workspace::mcp_config::Import &result, const QString &error) {
                    if (!error.isEmpty()) {
                        statusBar()->showMessage(tr("Nothing was imported: %1").arg(error));
                        return;
                    }
                    if (result.data.connections.isEmpty()) {
                        statusBar()->showMessage(tr("%1 lists no MCP server Crosstalk can use.").arg(QDir::toNativeSeparators(path)));
                        return;
                    }
                    // Reviewed before anything is added; no nested event loop.
                    auto *dialog = new McpImportDialog(path, result, this);
                    dialog->setAttribute(Qt::WA_DeleteOnClose);
                    connect(dialog, &QDialog::accepted, this, [this, dialog] {
                        const int count = m_services.workspace->merge(dialog->chosen());
                        statusBar()->showMessage(tr("Imported %n MCP server(s).", nullptr, count), 5000);
                    });
                    dialog->open();
                });
        connect(store, &workspace::WorkspaceStore::mcpServersExported, this,
                [this](const QString &path, const QStringList &omitted, const QString &error) {
                    if (!error.isEmpty()) {
                        statusBar()->showMessage(tr("The MCP servers could not be exported: %1").arg(error));
                        return;
                    }
                    statusBar()->showMessage(
                        omitted.isEmpty()
                            ? tr("The MCP servers were exported to %1.").arg(QDir::toNativeSeparators(path))
                            : tr("The MCP servers were exported to %1, without these secrets: %2")
                                  .arg(QDir::toNativeSeparators(path), revealHiddenCharacters(omitted.join(QStringLiteral(", ")))));
                });
        connect(store, &workspace::WorkspaceStore::exported, this, [this](const QString &path, const QString &error) {
            statusBar()->showMessage(error.isEmpty() ? tr("The workspace was exported to %1.").arg(QDir::toNativeSeparators(path))
                                                     : tr("The workspace could not be exported: %1").arg(error),
                                     error.isEmpty() ? 5000 : 0);
        });
    }

    resize(1024, 680);
    restoreWindowSettings();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::createSidebar()
{
    m_sidebar = new ConnectionsSidebar(m_services.workspace, m_services.states, this);
    m_sidebarDock = new QDockWidget(tr("Connections"), this);
    m_sidebarDock->setObjectName(QStringLiteral("connectionsDock"));
    m_sidebarDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    m_sidebarDock->setWidget(m_sidebar);
    addDockWidget(Qt::LeftDockWidgetArea, m_sidebarDock);
    resizeDocks({m_sidebarDock}, {280}, Qt::Horizontal);
    if (m_services.traffic) {
        m_traffic = new TrafficInspector(m_services.traffic, this);
        m_trafficDock = new QDockWidget(tr("Traffic"), this);
        m_trafficDock->setObjectName(QStringLiteral("trafficDock"));
        m_trafficDock->setWidget(m_traffic);
        addDockWidget(Qt::BottomDockWidgetArea, m_trafficDock);
        resizeDocks({m_trafficDock}, {240}, Qt::Vertical);
        connect(m_traffic, &TrafficInspector::exported, this, [this](const QString &path, const QString &error) {
            statusBar()->showMessage(error.isEmpty() ? tr("The traffic was exported to %1.").arg(QDir::toNativeSeparators(path))
                                                     : tr("The traffic could not be exported: %1").arg(error),
                                     error.isEmpty() ? 5000 : 0);
        });
    }
}

void MainWindow::updatePlaceholder()
{
    if (!m_placeholderTitle)
        return;
    const bool empty = m_services.workspace->connections().isEmpty();
    m_placeholderTitle->setText(empty ? tr("No connections yet") : tr("Choose a connection"));
    m_placeholderText->setText(
        empty ? tr("Add an A2A agent by its URL with “Add agent…”, or import a workspace. This window will show "
                   "the agents and MCP servers you connect to: their cards, tasks, tools, resources and prompts, "
                   "and the traffic exchanged with them.")
              : tr("The sidebar lists the workspace's agents and MCP servers with their state; an error's reason "
                   "is in its tooltip."));
}

void MainWindow::showCurrent()
{
    const QString id = m_sidebar->currentId();
    const workspace::Connection *connection = m_services.workspace->connection(id);
    if (connection && connection->kind == workspace::Connection::Kind::McpServer) {
        m_shownCard.clear();
        if (!m_serverView) {
            m_stack->setCurrentWidget(m_placeholder);
            return;
        }
        m_serverView->setServer(id);
        m_stack->setCurrentWidget(m_serverView);
        return;
    }
    const workspace::ConnectionStates::Status &status = m_services.states->status(id);
    if (id.isEmpty() || !status.card || !status.card->card) {
        m_shownCard.clear();
        m_stack->setCurrentWidget(m_placeholder);
        return;
    }
    m_stack->setCurrentWidget(m_agentTabs);
    if (m_services.sessions) {
        a2a::Conversation *conversation = m_services.sessions->conversation(id);
        if (m_conversationView->conversation() != conversation) {
            m_conversationView->setConversation(conversation);
            m_tasksView->setConversation(conversation);
        }
    }
    const QByteArray key = id.toUtf8() + '\n' + status.card->body;
    if (key == m_shownCard)
        return; // the same card again (a refresh that found it unchanged)
    m_shownCard = key;
    m_cardView->showCard(*status.card);
}

void MainWindow::createAgentTabs()
{
    m_agentTabs = new QTabWidget(m_stack);
    m_agentTabs->setObjectName(QStringLiteral("agentTabs"));
    m_agentTabs->setDocumentMode(true);
    m_cardView = new AgentCardView(m_agentTabs);
    m_conversationView = new ConversationView(m_agentTabs);
    m_tasksView = new TasksView(m_agentTabs);
    m_agentTabs->addTab(m_cardView, tr("Agent Card"));
    m_agentTabs->addTab(m_conversationView, tr("Conversation"));
    m_agentTabs->addTab(m_tasksView, tr("Tasks"));
    const bool talks = m_services.sessions != nullptr;
    m_agentTabs->setTabEnabled(1, talks);
    m_agentTabs->setTabEnabled(2, talks);
    if (talks) {
        connect(m_services.sessions, &workspace::AgentSessions::signInRestored, this,
                [this](const QString &id, const QString &error) {
                    const workspace::Connection *c = m_services.workspace->connection(id);
                    const QString name = revealHiddenCharacters(c && !c->name.isEmpty() ? c->name : id);
                    statusBar()->showMessage(error.isEmpty() ? tr("%1: signed in as last time, from the keychain.").arg(name)
                                                             : tr("%1: %2").arg(name, error),
                                             error.isEmpty() ? 5000 : 0);
                });
        if (a2a::WebhookReceiver *receiver = m_services.sessions->pushReceiver())
            m_tasksView->setPushReceiver(receiver);
        else
            statusBar()->showMessage(tr("Push notifications cannot be received: %1").arg(m_services.sessions->pushReceiverError()));
    }
    // A skill's example goes into the composer.
    connect(m_cardView, &AgentCardView::exampleChosen, this, [this](const QString &text) {
        if (!m_agentTabs->isTabEnabled(1))
            return;
        m_conversationView->setComposerText(text);
        m_agentTabs->setCurrentWidget(m_conversationView);
    });
    connect(m_conversationView, &ConversationView::linkActivated, this, &MainWindow::confirmLink);
    connect(m_cardView, &AgentCardView::signInRequested, this, &MainWindow::openSignIn);
    connect(m_conversationView, &ConversationView::signInRequested, this, &MainWindow::openSignIn);
    connect(m_conversationView, &ConversationView::saved, this, [this](const QString &path, const QString &error) {
        statusBar()->showMessage(error.isEmpty() ? tr("Saved to %1.").arg(QDir::toNativeSeparators(path))
                                                 : tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), error),
                                 error.isEmpty() ? 5000 : 0);
    });
    m_agentTabs->setCurrentIndex(QSettings().value(agentTabKey, 0).toInt());
}

SignInDialog *MainWindow::signInDialog() const
{
    return m_signInDialog;
}

void MainWindow::openSignIn()
{
    const QString id = m_sidebar->currentId();
    const workspace::ConnectionStates::Status &status = m_services.states->status(id);
    if (id.isEmpty() || !status.card || !status.card->card || !m_services.sessions)
        return;
    a2a::Conversation *conversation = m_services.sessions->conversation(id);
    if (!conversation)
        return;
    if (m_signInDialog) {
        m_signInDialog->raise();
        m_signInDialog->activateWindow();
        return;
    }
    const a2a::AgentCard card = *status.card->card;
    auto *dialog = new SignInDialog(card, QUrl(conversation->client()->endpoint().url), m_services.credentials, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setConnectionId(id);
    if (const workspace::Connection *c = m_services.workspace->connection(id); c && !c->signIn.isEmpty())
        dialog->chooseOption(c->signIn); // the way used last time
    m_signInDialog = dialog;
    connect(dialog, &SignInDialog::signInRemembered, this,
            [this, id](const QString &option, const QMap<QString, QString> &credentials) {
                const workspace::Connection *c = m_services.workspace->connection(id);
                if (!c)
                    return;
                workspace::Connection changed = *c;
                // Secrets kept for a way no longer used leave the keychain.
                const QList<QString> kept = credentials.values();
                for (const QString &name : std::as_const(c->signInCredentials)) {
                    if (m_services.credentials && !kept.contains(name))
                        m_services.credentials->remove(name, this, [](bool, const QString &) {});
                }
                changed.signIn = option;
                changed.signInCredentials = credentials;
                m_services.workspace->update(changed);
            });
    connect(dialog, &SignInDialog::signInStarted, this, [this, id](auth::A2aSignIn *signIn) {
        m_services.sessions->setSignIn(id, signIn);
    });
    connect(dialog, &SignInDialog::signInFinished, this, [this, id, card](const QString &error) {
        if (!error.isEmpty() || !card.extendedCard || !m_services.sessions)
            return;
        a2a::Conversation *c = m_services.sessions->existing(id);
        if (!c)
            return;
        // Signed in: the authenticated extended card, compared with the public one.
        const QPointer<AgentCardView> view = m_cardView;
        connect(c->client()->getExtendedCard(), &a2a::A2aCall::finished, this,
                [this, view, id, card](const a2a::A2aError &e, const nlohmann::json &result) {
                    if (!view || m_sidebar->currentId() != id)
                        return;
                    if (!e.ok())
                        return view->showExtendedCard({}, tr("The extended card could not be read: %1").arg(e.message));
                    view->showExtendedCard(a2a::diffCards(card.raw, result));
                    statusBar()->showMessage(tr("Signed in; the extended card is on the Agent Card tab."), 8000);
                });
    });
    dialog->show();
}

void MainWindow::confirmLink(const QUrl &url)
{
    // The agent's link is shown whole, as text, before anything opens it;
    // only web and mail links are offered.
    const QString scheme = url.scheme().toLower();
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("openLinkBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::PlainText);
    box->setWindowTitle(tr("Open a Link"));
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http") && scheme != QLatin1String("mailto")) {
        box->setIcon(QMessageBox::Warning);
        box->setText(tr("The agent's link is not a web address, and is not opened:\n\n%1")
                         .arg(revealHiddenCharacters(url.toString())));
        box->setStandardButtons(QMessageBox::Close);
        box->open();
        return;
    }
    box->setIcon(QMessageBox::Question);
    box->setText(tr("Open this link from the agent in your browser?\n\n%1\n\nIt leads to %2.")
                     .arg(revealHiddenCharacters(url.toString()), revealHiddenCharacters(url.host())));
    box->setStandardButtons(QMessageBox::Open | QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [box, url](QAbstractButton *button) {
        if (box->standardButton(button) == QMessageBox::Open)
            QDesktopServices::openUrl(url);
    });
    box->open();
}

void MainWindow::importWorkspace()
{
    // A dialog object and open(): no nested event loop.
    auto *dialog = new QFileDialog(this, tr("Import a workspace"), QString(), tr("Crosstalk workspaces (*.json)"));
    dialog->setObjectName(QStringLiteral("importDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { m_services.store->importFrom(path); });
    dialog->open();
}

void MainWindow::exportWorkspace()
{
    auto *dialog = new QFileDialog(this, tr("Export the workspace"), QStringLiteral("workspace.json"),
                                   tr("Crosstalk workspaces (*.json)"));
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("json"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { m_services.store->exportTo(path); });
    dialog->open();
}

void MainWindow::importMcpServers()
{
    auto *dialog = new QFileDialog(this, tr("Import MCP servers"), QString(),
                                   tr("MCP configurations (*.json);;All files (*)"));
    dialog->setObjectName(QStringLiteral("importServersDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setOption(QFileDialog::DontResolveSymlinks, false);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString &path) { m_services.store->importMcpConfig(path); });
    dialog->open();
}

void MainWindow::exportMcpServers()
{
    auto *dialog = new QFileDialog(this, tr("Export the MCP servers"), QStringLiteral("mcp.json"),
                                   tr("MCP configurations (*.json)"));
    dialog->setObjectName(QStringLiteral("exportServersDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("json"));
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString &path) { m_services.store->exportMcpServers(path); });
    dialog->open();
}

void MainWindow::createActions()
{
    m_addAgentAction = new QAction(QIcon::fromTheme(QStringLiteral("list-add")), tr("&Add Agent…"), this);
    m_addAgentAction->setObjectName(QStringLiteral("addAgentAction"));
    m_addAgentAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_addAgentAction->setStatusTip(tr("Add an A2A agent to the workspace by its URL"));
    connect(m_addAgentAction, &QAction::triggered, this, [this] { m_sidebar->addAgent(); });

    m_addServerAction = new QAction(QIcon::fromTheme(QStringLiteral("list-add")), tr("Add &MCP Server…"), this);
    m_addServerAction->setObjectName(QStringLiteral("addServerAction"));
    m_addServerAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_addServerAction->setStatusTip(tr("Add an MCP server to the workspace: a command to run, or a URL"));
    connect(m_addServerAction, &QAction::triggered, this, [this] { m_sidebar->addMcpServer(); });

    m_importAction = new QAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Import Workspace…"), this);
    m_importAction->setObjectName(QStringLiteral("importAction"));
    m_importAction->setStatusTip(tr("Add the connections of a workspace file to this workspace"));
    m_importAction->setEnabled(m_services.store != nullptr);
    connect(m_importAction, &QAction::triggered, this, &MainWindow::importWorkspace);

    m_exportAction = new QAction(QIcon::fromTheme(QStringLiteral("document-save-as")), tr("&Export Workspace…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setStatusTip(tr("Write this workspace's connections to a file (it holds no secrets)"));
    m_exportAction->setEnabled(m_services.store != nullptr);
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportWorkspace);

    m_importServersAction = new QAction(tr("Import &MCP Servers…"), this);
    m_importServersAction->setObjectName(QStringLiteral("importServersAction"));
    m_importServersAction->setStatusTip(
        tr("Add MCP servers from Claude Desktop, VS Code or Cursor settings, or from a registry server.json"));
    m_importServersAction->setEnabled(m_services.store != nullptr);
    connect(m_importServersAction, &QAction::triggered, this, &MainWindow::importMcpServers);

    m_exportServersAction = new QAction(tr("Export MCP &Servers…"), this);
    m_exportServersAction->setObjectName(QStringLiteral("exportServersAction"));
    m_exportServersAction->setStatusTip(tr("Write the workspace's MCP servers as mcpServers, without secrets"));
    m_exportServersAction->setEnabled(m_services.store != nullptr);
    connect(m_exportServersAction, &QAction::triggered, this, &MainWindow::exportMcpServers);

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
    fileMenu->addAction(m_addAgentAction);
    fileMenu->addAction(m_addServerAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_importAction);
    fileMenu->addAction(m_exportAction);
    fileMenu->addAction(m_importServersAction);
    fileMenu->addAction(m_exportServersAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_quitAction);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->setObjectName(QStringLiteral("viewMenu"));
    viewMenu->addAction(m_sidebarDock->toggleViewAction());
    if (m_trafficDock)
        viewMenu->addAction(m_trafficDock->toggleViewAction());

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->setObjectName(QStringLiteral("helpMenu"));
    helpMenu->addAction(m_aboutAction);
    helpMenu->addAction(m_aboutQtAction);
}

QWidget *MainWindow::createPlaceholder()
{
    auto *placeholder = new QWidget(this);
    placeholder->setObjectName(QStringLiteral("placeholderWidget"));

    auto *titleLabel = new QLabel(placeholder);
    m_placeholderTitle = titleLabel;
    titleLabel->setObjectName(QStringLiteral("placeholderTitleLabel"));
    titleLabel->setTextFormat(Qt::PlainText);
    titleLabel->setAlignment(Qt::AlignCenter);
    QFont titleFont = titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleLabel->setFont(titleFont);

    auto *textLabel = new QLabel(placeholder);
    m_placeholderText = textLabel;
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
    settings.setValue(currentKey, m_sidebar->currentId());
    settings.setValue(agentTabKey, m_agentTabs->currentIndex());
}

} // namespace crosstalk::ui
