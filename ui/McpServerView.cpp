#include "McpServerView.h"

#include "AuthStepsView.h"
#include "McpPromptsView.h"
#include "McpRequestHandler.h"
#include "McpResourcesView.h"
#include "McpResultView.h"
#include "McpToolsView.h"
#include "PeerText.h"
#include "auth/OAuthAuthorizer.h"
#include "mcp/McpSession.h"
#include "util/ShellQuote.h"
#include "util/Utf8.h"
#include "workspace/ConnectionStates.h"
#include "workspace/McpSessions.h"
#include "workspace/Workspace.h"

#include <QComboBox>
#include <QDialog>
#include <QFileDialog>
#include <QListWidget>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace crosstalk::ui {

namespace {

QString text(const nlohmann::json &value)
{
    if (value.is_string())
        return utf8ToString(value.get_ref<const std::string &>());
    return utf8ToString(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

/// The question asked before a server's command runs: a window-modal box,
/// answered later (no nested event loop).
void askWithBox(QWidget *parent, const QString &details, std::function<void(bool)> answer)
{
    auto *box = new QMessageBox(parent);
    box->setObjectName(QStringLiteral("confirmCommandBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Question);
    box->setTextFormat(Qt::PlainText);
    box->setWindowTitle(McpServerView::tr("Run a Server"));
    // All in the plain-text part: QMessageBox guesses the informative
    // text's format, and an imported command could hold markup.
    box->setText(McpServerView::tr("Crosstalk is about to run this command on your computer, with your rights:")
                 + QStringLiteral("\n\n") + details);
    box->setStandardButtons(QMessageBox::Ok | QMessageBox::Cancel);
    box->button(QMessageBox::Ok)->setText(McpServerView::tr("&Run"));
    box->setDefaultButton(QMessageBox::Cancel);
    auto shared = std::make_shared<std::function<void(bool)>>(std::move(answer));
    QObject::connect(box, &QMessageBox::finished, box, [box, shared](int) {
        const bool yes = box->clickedButton() == box->button(QMessageBox::Ok);
        if (*shared) {
            auto call = std::move(*shared);
            *shared = nullptr;
            call(yes);
        }
    });
    box->open();
}

} // namespace

McpServerView::McpServerView(workspace::Workspace *workspace, workspace::ConnectionStates *states,
                             workspace::McpSessions *sessions, McpRequestHandler *requests, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_states(states)
    , m_sessions(sessions)
    , m_requests(requests)
    , m_confirm(askWithBox)
{
    setObjectName(QStringLiteral("mcpServerView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(8, 8, 8, 0);
    m_nameLabel = makeHeadingLabel(this, QStringLiteral("serverNameLabel"), 1.3);
    m_nameLabel->setWordWrap(false);
    m_stateLabel = makePlainLabel(this, QStringLiteral("serverStateLabel"));
    m_connectButton = new QPushButton(tr("&Connect"), this);
    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    connect(m_connectButton, &QPushButton::clicked, this, &McpServerView::connectServer);
    m_disconnectButton = new QPushButton(tr("&Disconnect"), this);
    m_disconnectButton->setObjectName(QStringLiteral("disconnectButton"));
    connect(m_disconnectButton, &QPushButton::clicked, this, &McpServerView::disconnectServer);
    header->addWidget(m_nameLabel);
    header->addWidget(m_stateLabel, 1);
    header->addWidget(m_connectButton);
    header->addWidget(m_disconnectButton);
    layout->addLayout(header);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("serverTabs"));
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs, 1);
    buildOverview();
    m_tools = new McpToolsView(m_tabs);
    m_tabs->addTab(m_tools, tr("Tools"));
    connect(m_tools, &McpToolsView::resourceRequested, this, &McpServerView::readResource);
    m_resources = new McpResourcesView(m_tabs);
    m_tabs->addTab(m_resources, tr("Resources"));
    connect(m_resources->resultView(), &McpResultView::resourceRequested, this, &McpServerView::readResource);
    m_prompts = new McpPromptsView(m_tabs);
    m_tabs->addTab(m_prompts, tr("Prompts"));
    connect(m_prompts->resultView(), &McpResultView::resourceRequested, this, &McpServerView::readResource);
    buildLog();
    if (requests)
        buildRoots();
    buildAuthorization();

    if (states)
        connect(states, &workspace::ConnectionStates::stateChanged, this, [this](const QString &id) {
            if (id == m_id)
                refresh();
        });
    if (workspace)
        connect(workspace, &workspace::Workspace::updated, this, [this](const QString &id) {
            if (id == m_id)
                refresh();
        });
    if (sessions) {
        connect(sessions, &workspace::McpSessions::serverReady, this, [this](const QString &id) {
            if (id == m_id)
                refresh();
        });
        connect(sessions, &workspace::McpSessions::serverClosed, this, [this](const QString &id) {
            if (id == m_id)
                refresh();
        });
        connect(sessions, &workspace::McpSessions::sessionCreated, this, [this](const QString &id) {
            if (id == m_id) {
                m_stderr->clear();
                refresh();
            }
        });
        connect(sessions, &workspace::McpSessions::stderrLine, this, [this](const QString &id, const QString &line) {
            if (id == m_id)
                m_stderr->appendPlainText(revealHiddenCharacters(line));
        });
        // A flow's steps and state touch the header and the Authorization tab alone.
        connect(sessions, &workspace::McpSessions::authorizationChanged, this, [this](const QString &id) {
            if (id == m_id && m_workspace && m_workspace->connection(id)) {
                refreshState();
                refreshAuthorization();
            }
        });
        connect(sessions, &workspace::McpSessions::signInFinished, this, [this](const QString &id, const QString &error) {
            if (error.isEmpty())
                m_authErrors.remove(id);
            else
                m_authErrors.insert(id, error);
            if (id != m_id)
                return;
            refresh();
            // Where it broke is on the Authorization tab.
            if (!error.isEmpty())
                m_tabs->setCurrentWidget(m_authPage);
        });
        connect(sessions, &workspace::McpSessions::logAdded, this,
                [this](const QString &id, const workspace::McpSessions::LogEntry &entry) {
                    if (id == m_id)
                        appendLogRow(entry.time, entry.level, entry.source, text(entry.data));
                });
    }
    refresh();
}

McpServerView::~McpServerView() = default;

void McpServerView::buildOverview()
{
    auto *page = new QWidget(m_tabs);
    page->setObjectName(QStringLiteral("overviewPage"));
    auto *layout = new QVBoxLayout(page);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_targetLabel = makePlainLabel(page, QStringLiteral("targetLabel"));
    m_serverInfoLabel = makePlainLabel(page, QStringLiteral("serverInfoLabel"));
    m_eraLabel = makePlainLabel(page, QStringLiteral("eraLabel"));
    m_versionLabel = makePlainLabel(page, QStringLiteral("protocolVersionLabel"));
    m_transportLabel = makePlainLabel(page, QStringLiteral("transportLabel"));
    m_capabilitiesLabel = makePlainLabel(page, QStringLiteral("capabilitiesLabel"));
    form->addRow(tr("Runs:"), m_targetLabel);
    form->addRow(tr("Server:"), m_serverInfoLabel);
    form->addRow(tr("Era:"), m_eraLabel);
    form->addRow(tr("Protocol version:"), m_versionLabel);
    form->addRow(tr("Transport:"), m_transportLabel);
    form->addRow(tr("Capabilities:"), m_capabilitiesLabel);
    layout->addLayout(form);
    auto *instructionsLabel = new QLabel(tr("Instructions from the server:"), page);
    m_instructions = new QPlainTextEdit(page);
    m_instructions->setObjectName(QStringLiteral("instructionsView"));
    m_instructions->setReadOnly(true);
    m_instructions->setMaximumHeight(120);
    layout->addWidget(instructionsLabel);
    layout->addWidget(m_instructions);

    m_stderrBox = new QGroupBox(tr("The server's stderr"), page);
    auto *stderrLayout = new QVBoxLayout(m_stderrBox);
    m_stderr = new QPlainTextEdit(m_stderrBox);
    m_stderr->setObjectName(QStringLiteral("stderrConsole"));
    m_stderr->setReadOnly(true);
    m_stderr->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_stderr->setMaximumBlockCount(workspace::McpSessions::MaxStderrLines);
    m_stderr->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_stderrDropped = makePlainLabel(m_stderrBox, QStringLiteral("stderrDroppedLabel"));
    stderrLayout->addWidget(m_stderr, 1);
    stderrLayout->addWidget(m_stderrDropped);
    layout->addWidget(m_stderrBox, 1);
    m_tabs->addTab(page, tr("Overview"));
}

void McpServerView::buildLog()
{
    auto *page = new QWidget(m_tabs);
    page->setObjectName(QStringLiteral("logPage"));
    auto *layout = new QVBoxLayout(page);
    auto *row = new QHBoxLayout;
    m_levelCombo = new QComboBox(page);
    m_levelCombo->setObjectName(QStringLiteral("logLevelCombo"));
    for (const char *level : {"debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"})
        m_levelCombo->addItem(QString::fromLatin1(level));
    m_levelCombo->setCurrentText(QStringLiteral("info"));
    m_levelCombo->setToolTip(tr("The least severe log messages the server is asked to send"));
    connect(m_levelCombo, &QComboBox::currentTextChanged, this, [this](const QString &level) {
        if (m_sessions)
            if (mcp::McpSession *session = m_sessions->session(m_id))
                session->setLogLevel(level);
    });
    auto *clear = new QPushButton(tr("Clear View"), page);
    connect(clear, &QPushButton::clicked, this, [this] { m_log->clear(); });
    row->addWidget(new QLabel(tr("Log level:"), page));
    row->addWidget(m_levelCombo);
    row->addStretch(1);
    row->addWidget(clear);
    layout->addLayout(row);
    m_log = new QTreeWidget(page);
    m_log->setObjectName(QStringLiteral("serverLog"));
    m_log->setRootIsDecorated(false);
    m_log->setUniformRowHeights(true);
    m_log->setHeaderLabels({tr("Time"), tr("Level"), tr("Logger or notification"), tr("Data")});
    m_log->header()->setStretchLastSection(true);
    layout->addWidget(m_log, 1);
    m_tabs->addTab(page, tr("Log"));
}

void McpServerView::buildRoots()
{
    auto *page = new QWidget(m_tabs);
    page->setObjectName(QStringLiteral("rootsPage"));
    auto *layout = new QVBoxLayout(page);
    auto *about = makePlainLabel(page, QStringLiteral("rootsAbout"));
    about->setText(tr("Roots are the folders MCP servers may work in. Every server that asks (roots/list) gets this list, "
                      "and is told when it changes."));
    m_roots = new QListWidget(page);
    m_roots->setObjectName(QStringLiteral("rootsList"));
    const auto refill = [this] {
        m_roots->clear();
        for (const QString &uri : m_requests->roots()) {
            auto *item = new QListWidgetItem(revealHiddenCharacters(QUrl(uri).toLocalFile()), m_roots);
            item->setData(Qt::UserRole, uri);
            item->setToolTip(peerToolTip(uri));
        }
    };
    refill();
    connect(m_requests, &McpRequestHandler::rootsChanged, this, refill);
    connect(m_requests, &McpRequestHandler::rootsChanged, this, [this] {
        if (m_sessions)
            m_sessions->notifyRootsChanged();
    });
    auto *add = new QPushButton(tr("Add &Folder…"), page);
    add->setObjectName(QStringLiteral("addRootButton"));
    connect(add, &QPushButton::clicked, this, [this] {
        auto *dialog = new QFileDialog(this, tr("A folder servers may work in"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::Directory);
        dialog->setOption(QFileDialog::ShowDirsOnly);
        connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
            const QString uri = QUrl::fromLocalFile(QDir(path).absolutePath()).toString(QUrl::FullyEncoded);
            QStringList roots = m_requests->roots();
            if (!roots.contains(uri))
                m_requests->setRoots(roots << uri);
        });
        dialog->open();
    });
    auto *remove = new QPushButton(tr("&Remove"), page);
    remove->setObjectName(QStringLiteral("removeRootButton"));
    connect(remove, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_roots->currentItem()) {
            QStringList roots = m_requests->roots();
            roots.removeAll(item->data(Qt::UserRole).toString());
            m_requests->setRoots(roots);
        }
    });
    auto *row = new QHBoxLayout;
    row->addWidget(add);
    row->addWidget(remove);
    row->addStretch(1);
    layout->addWidget(about);
    layout->addWidget(m_roots, 1);
    layout->addLayout(row);
    m_tabs->addTab(page, tr("Roots"));
}

void McpServerView::setServer(const QString &id)
{
    if (id == m_id)
        return refresh();
    m_id = id;
    m_stderr->clear();
    if (m_sessions) {
        const QStringList lines = m_sessions->stderrLines(id);
        for (const QString &line : lines)
            m_stderr->appendPlainText(revealHiddenCharacters(line));
    }
    refreshLog();
    refresh();
}

QString McpServerView::commandDetails() const
{
    const workspace::Connection *c = m_workspace ? m_workspace->connection(m_id) : nullptr;
    return c ? commandDetails(*c) : QString();
}

QString McpServerView::commandDetails(const workspace::Connection &c)
{
    if (c.transport != QLatin1String("stdio"))
        return {};
    QString details = shellCommandLine(QStringList{c.command} + c.arguments);
    if (!c.workingDirectory.isEmpty())
        details += QStringLiteral("\n\n") + tr("In the folder: %1").arg(QDir::toNativeSeparators(c.workingDirectory));
    if (!c.environment.isEmpty()) {
        QStringList env;
        for (const workspace::NamedValue &v : c.environment)
            env << v.name + QLatin1Char('=') + (v.isSecret() ? tr("(secret)") : shellQuoted(v.value));
        details += QStringLiteral("\n\n") + tr("With the environment:") + QLatin1Char('\n') + env.join(QLatin1Char('\n'));
    }
    return revealHiddenCharacters(details);
}

void McpServerView::connectServer()
{
    if (!m_sessions || m_id.isEmpty())
        return;
    const QString details = commandDetails();
    if (details.isEmpty() || m_confirmed.contains(details))
        return startConnecting();
    const QString id = m_id;
    QPointer<McpServerView> self = this;
    m_confirm(this, details, [self, id, details](bool yes) {
        if (!self || !yes)
            return;
        self->m_confirmed.insert(details);
        if (self->m_id == id)
            self->startConnecting();
    });
}

void McpServerView::startConnecting()
{
    QString error;
    if (!m_sessions->connectServer(m_id, &error)) {
        m_stateLabel->setText(tr("Cannot connect: %1").arg(error));
        return;
    }
    if (mcp::McpSession *session = m_sessions->session(m_id))
        session->setLogLevel(m_levelCombo->currentText());
    refresh();
}

void McpServerView::disconnectServer()
{
    if (m_sessions)
        m_sessions->disconnectServer(m_id);
    refresh();
}

void McpServerView::refresh()
{
    const workspace::Connection *c = m_workspace ? m_workspace->connection(m_id) : nullptr;
    if (!c) {
        m_nameLabel->clear();
        m_stateLabel->clear();
        m_connectButton->setEnabled(false);
        m_disconnectButton->setEnabled(false);
        m_tools->setServer({}, nullptr, nullptr);
        m_resources->setServer(nullptr, nullptr);
        m_prompts->setServer(nullptr, nullptr);
        refreshAuthorization();
        return;
    }
    mcp::McpSession *session = m_sessions ? m_sessions->session(m_id) : nullptr;
    const bool ready = m_sessions && m_sessions->isReady(m_id);
    setPeerText(m_nameLabel, c->name.isEmpty() ? c->id : c->name);
    refreshState();
    m_connectButton->setEnabled(!session);
    m_disconnectButton->setEnabled(session != nullptr);

    const bool stdio = c->transport == QLatin1String("stdio");
    m_targetLabel->setText(stdio ? revealHiddenCharacters(shellCommandLine(QStringList{c->command} + c->arguments))
                                 : revealHiddenCharacters(c->url.toString()));
    m_stderrBox->setVisible(stdio);
    const qint64 dropped = m_sessions ? m_sessions->droppedStderrLines(m_id) : 0;
    m_stderrDropped->setVisible(dropped > 0);
    m_stderrDropped->setText(tr("%n older line(s) were dropped.", nullptr, int(std::min<qint64>(dropped, INT_MAX))));
    if (ready) {
        const nlohmann::json &info = session->serverInfo();
        QString serverInfo = text(info.value("title", info.value("name", nlohmann::json(""))));
        if (info.contains("version"))
            serverInfo += QLatin1Char(' ') + text(info["version"]);
        if (info.contains("title") && info.contains("name"))
            serverInfo += QStringLiteral(" (") + text(info["name"]) + QLatin1Char(')');
        setPeerText(m_serverInfoLabel, serverInfo);
        m_eraLabel->setText(session->era() == QLatin1String("modern") ? tr("modern (2026-07-28 and later)")
                                                                      : tr("legacy (initialize handshake)"));
        setPeerText(m_versionLabel, session->protocolVersion());
        m_transportLabel->setText(session->transportName());
        QStringList caps;
        for (const auto &[key, value] : session->capabilities().items()) {
            QString cap = utf8ToString(key);
            QStringList flags;
            if (value.is_object()) {
                for (const auto &[flag, on] : value.items()) {
                    if (on.is_boolean() && on.get<bool>())
                        flags << utf8ToString(flag);
                }
            }
            if (!flags.isEmpty())
                cap += QStringLiteral(" (") + flags.join(QStringLiteral(", ")) + QLatin1Char(')');
            caps << cap;
        }
        setPeerText(m_capabilitiesLabel, caps.isEmpty() ? tr("none") : caps.join(QStringLiteral(" · ")));
        m_instructions->setPlainText(revealHiddenCharacters(session->instructions()));
    } else {
        for (QLabel *label : {m_serverInfoLabel, m_eraLabel, m_versionLabel, m_transportLabel, m_capabilitiesLabel})
            label->setText(tr("—"));
        m_instructions->clear();
    }
    refreshAuthorization();
    mcp::McpCatalog *catalog = ready ? m_sessions->catalog(m_id) : nullptr;
    m_tools->setServer(*c, ready ? session : nullptr, catalog);
    m_resources->setServer(ready ? session : nullptr, catalog);
    m_prompts->setServer(ready ? session : nullptr, catalog);
}

void McpServerView::refreshState()
{
    const auto status = m_states ? m_states->status(m_id) : workspace::ConnectionStates::Status();
    QString state;
    switch (status.state) {
    case workspace::ConnectionStates::State::Idle:
        state = tr("Not connected");
        break;
    case workspace::ConnectionStates::State::Connecting:
        state = tr("Connecting…");
        break;
    case workspace::ConnectionStates::State::Connected:
        state = tr("Connected");
        break;
    case workspace::ConnectionStates::State::Error:
        state = tr("Not connected: %1").arg(revealHiddenCharacters(status.reason));
        break;
    }
    if (auth::OAuthAuthorizer *a = m_sessions ? m_sessions->authorizer(m_id) : nullptr; a && a->isBusy())
        state = tr("Signing in with OAuth… (finish in your browser if it opened)");
    m_stateLabel->setText(state);
}

void McpServerView::buildAuthorization()
{
    m_authPage = new QWidget(m_tabs);
    m_authPage->setObjectName(QStringLiteral("authorizationPage"));
    auto *layout = new QVBoxLayout(m_authPage);
    m_authState = makePlainLabel(m_authPage, QStringLiteral("authStateLabel"));
    m_authState->setWordWrap(true);
    layout->addWidget(m_authState);
    m_authKeychain = makePlainLabel(m_authPage, QStringLiteral("authKeychainLabel"));
    m_authKeychain->setWordWrap(true);
    m_authKeychain->setStyleSheet(QStringLiteral("color: #c62828;"));
    layout->addWidget(m_authKeychain);
    auto *buttons = new QHBoxLayout;
    m_authSignIn = new QPushButton(tr("Sign &In"), m_authPage);
    m_authSignIn->setObjectName(QStringLiteral("authSignInButton"));
    m_authSignIn->setToolTip(tr("Signs in with OAuth now, before the server asks: the system browser opens if the "
                                "authorization server needs you."));
    connect(m_authSignIn, &QPushButton::clicked, this, [this] {
        if (!m_sessions)
            return;
        if (auth::OAuthAuthorizer *a = m_sessions->authorizer(m_id); a && a->isBusy())
            return a->cancel(); // the steps stay, showing where it stopped
        QString error;
        if (!m_sessions->signIn(m_id, &error))
            m_authErrors.insert(m_id, error);
        refresh();
    });
    m_authSignOut = new QPushButton(tr("Sign &Out"), m_authPage);
    m_authSignOut->setObjectName(QStringLiteral("authSignOutButton"));
    m_authSignOut->setToolTip(tr("Forgets the server's tokens, here and in the keychain; the client registration stays."));
    connect(m_authSignOut, &QPushButton::clicked, this, [this] {
        if (m_sessions)
            m_sessions->signOut(m_id);
    });
    buttons->addWidget(m_authSignIn);
    buttons->addWidget(m_authSignOut);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    auto *stepsTitle = new QLabel(tr("Steps of the last sign-in:"), m_authPage);
    layout->addWidget(stepsTitle);
    m_authSteps = new AuthStepsView(m_authPage);
    m_authSteps->setObjectName(QStringLiteral("authSteps"));
    layout->addWidget(m_authSteps, 1);
    m_tabs->addTab(m_authPage, tr("Authorization"));
}

QString McpServerView::authorizationText() const
{
    return m_authState->text();
}

void McpServerView::refreshAuthorization()
{
    const QString problem = m_sessions && !m_id.isEmpty() ? m_sessions->oauthProblem(m_id) : QString();
    auth::OAuthAuthorizer *a = m_sessions && !m_id.isEmpty() ? m_sessions->authorizer(m_id) : nullptr;
    QString state;
    if (!m_sessions || m_id.isEmpty()) {
        state.clear();
    } else if (!problem.isEmpty()) {
        state = problem;
    } else if (a && a->isBusy()) {
        state = tr("Signing in… Finish in your browser if it opened; the steps follow below.");
    } else if (a && a->tokens() && a->tokens()->hasAccess()) {
        const auth::OAuthTokens &t = *a->tokens();
        state = tr("Signed in with %1.").arg(revealHiddenCharacters(a->issuer()));
        if (!t.grantedScopes.isEmpty())
            state += QLatin1Char(' ') + tr("Scopes: %1.").arg(revealHiddenCharacters(t.grantedScopes.join(QLatin1Char(' '))));
        if (t.expiresAt.isValid())
            state += QLatin1Char(' ') + tr("The access token expires at %1.")
                                            .arg(QLocale().toString(t.expiresAt.toLocalTime(), QLocale::ShortFormat));
    } else {
        state = tr("Not signed in. Crosstalk signs in with OAuth when the server asks (HTTP 401), or now with Sign In.");
    }
    if (const QString error = m_authErrors.value(m_id); !error.isEmpty() && !(a && a->isBusy()))
        state += QStringLiteral("\n") + tr("The last sign-in failed: %1").arg(revealHiddenCharacters(error));
    m_authState->setText(state);
    const QString keychain = m_sessions && !m_id.isEmpty() ? m_sessions->keychainProblem(m_id) : QString();
    m_authKeychain->setText(revealHiddenCharacters(keychain));
    m_authKeychain->setVisible(!keychain.isEmpty());
    const bool busy = a && a->isBusy();
    m_authSignIn->setText(busy ? tr("&Cancel Sign-In") : tr("Sign &In"));
    m_authSignIn->setEnabled(problem.isEmpty() && m_sessions && !m_id.isEmpty());
    m_authSignOut->setEnabled(a && !a->isBusy() && a->tokens() && a->tokens()->hasAccess());

    // The steps: new ones appended, a new flow shown from its start.
    const QList<auth::AuthStep> steps = a ? a->steps() : QList<auth::AuthStep>();
    if (steps.size() < m_authSteps->stepCount() || m_shownAuthorizer.data() != static_cast<QObject *>(a)) {
        m_shownAuthorizer = a;
        m_authSteps->setSteps(steps);
    } else {
        for (qsizetype i = m_authSteps->stepCount(); i < steps.size(); ++i)
            m_authSteps->addStep(steps.at(i));
    }
}

QWidget *McpServerView::readResource(const QString &uri)
{
    mcp::McpSession *session = m_sessions ? m_sessions->session(m_id) : nullptr;
    if (!session || !m_sessions->isReady(m_id))
        return nullptr;
    auto *window = new QDialog(this);
    window->setObjectName(QStringLiteral("resourceWindow"));
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowTitle(tr("Resource %1").arg(revealHiddenCharacters(uri.left(200))));
    auto *view = new McpResultView(window);
    view->setObjectName(QStringLiteral("resourceView"));
    auto *layout = new QVBoxLayout(window);
    auto *uriLabel = makePlainLabel(window, QStringLiteral("resourceUriLabel"));
    setPeerText(uriLabel, uri);
    layout->addWidget(uriLabel);
    layout->addWidget(view, 1);
    window->resize(760, 560);
    // Links in the resource lead to other resources of the same server.
    connect(view, &McpResultView::resourceRequested, this, &McpServerView::readResource);
    session->request(QStringLiteral("resources/read"), nlohmann::json{{"uri", uri.toStdString()}}, m_sessions->timeoutMs(),
                     view, [view](const mcp::McpError &error, const nlohmann::json &result) {
                         if (error.ok())
                             view->showReadResult(result);
                         else
                             view->showError(error);
                     });
    window->show();
    return window;
}

void McpServerView::refreshLog()
{
    m_log->clear();
    if (!m_sessions)
        return;
    const auto &entries = m_sessions->log(m_id);
    const size_t start = entries.size() > size_t(MaxLogRows) ? entries.size() - size_t(MaxLogRows) : 0;
    for (size_t i = start; i < entries.size(); ++i)
        appendLogRow(entries[i].time, entries[i].level, entries[i].source, text(entries[i].data));
}

void McpServerView::appendLogRow(const QDateTime &time, const QString &level, const QString &source, const QString &data)
{
    auto *item = new QTreeWidgetItem(m_log);
    item->setText(0, QLocale().toString(time.time(), QLocale::LongFormat));
    item->setText(1, level.isEmpty() ? tr("notification") : revealHiddenCharacters(level));
    item->setText(2, revealHiddenCharacters(source.left(200)));
    item->setText(3, revealHiddenCharacters(data.left(1000)));
    item->setToolTip(3, peerToolTip(data.left(4000)));
    while (m_log->topLevelItemCount() > MaxLogRows)
        delete m_log->takeTopLevelItem(0);
    const QScrollBar *bar = m_log->verticalScrollBar();
    if (bar->value() >= bar->maximum() - 2)
        m_log->scrollToBottom();
}

} // namespace crosstalk::ui
