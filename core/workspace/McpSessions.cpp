#include "workspace/McpSessions.h"

#include "auth/CredentialStore.h"
#include "auth/OAuthAuthorizer.h"
#include "mcp/SseTransport.h"
#include "mcp/StdioTransport.h"
#include "mcp/StreamableHttpTransport.h"
#include "traffic/TrafficLog.h"
#include "workspace/Workspace.h"

#include <QTimer>

namespace crosstalk::workspace {

namespace {

/// The values of `values`, or the name of a secret whose value this run does
/// not know.
std::optional<QList<QPair<QString, QString>>> resolved(const QList<NamedValue> &values, QString *missing)
{
    QList<QPair<QString, QString>> out;
    for (const NamedValue &v : values) {
        if (v.secret && v.value.isEmpty()) {
            *missing = v.name;
            return std::nullopt;
        }
        out.append({v.name, v.value});
    }
    return out;
}

} // namespace

/// The session's handler: the shared one, told which server asks.
class ForwardingHandler : public mcp::McpClientHandler
{
public:
    ForwardingHandler(ServerRequestHandler *handler, QString id)
        : m_handler(handler)
        , m_id(std::move(id))
    {
    }
    void handleServerRequest(const QString &method, const nlohmann::json &params, Reply reply, Refuse refuse) override
    {
        m_handler->handleServerRequest(m_id, method, params, std::move(reply), std::move(refuse));
    }

private:
    ServerRequestHandler *m_handler;
    QString m_id;
};

struct McpSessions::Server
{
    QPointer<mcp::McpSession> session;
    QPointer<mcp::McpCatalog> catalog;
    bool ready = false;
    bool closing = false;
    std::deque<QString> stderrLines;
    qint64 dropped = 0;
};

McpSessions::McpSessions(Workspace *workspace, ConnectionStates *states, traffic::TrafficLog *log,
                         ServerRequestHandler *handler, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_states(states)
    , m_log(log)
    , m_handler(handler)
{
    connect(workspace, &Workspace::removed, this, &McpSessions::forget);
    connect(workspace, &Workspace::wasReset, this, [this] {
        QStringList ids = m_servers.keys() + m_authorizers.keys() + m_logs.keys();
        ids.removeDuplicates();
        for (const QString &id : std::as_const(ids))
            forget(id);
    });
}

McpSessions::~McpSessions()
{
    // Catalogs go before the sessions they use; each session's transport
    // stops its server (a stdio child is terminated with it).
    for (const auto &server : std::as_const(m_servers)) {
        delete server->catalog;
        delete server->session;
    }
}

bool McpSessions::connectServer(const QString &id, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    const Connection *c = m_workspace ? m_workspace->connection(id) : nullptr;
    if (!c || c->kind != Connection::Kind::McpServer)
        return fail(tr("There is no MCP server with this id in the workspace."));
    if (const auto existing = m_servers.value(id); existing && existing->session && !existing->closing)
        return true;
    if (const QString problem = workspace_file::problemOf(*c); !problem.isEmpty())
        return fail(problem);

    auto server = std::make_shared<Server>();
    mcp::McpTransport *transport = nullptr;
    mcp::McpSession::TransportFactory fallback;
    QString missing;
    if (c->transport == QLatin1String("stdio")) {
        if (c->command.trimmed().isEmpty())
            return fail(tr("The server has no command to start."));
        const auto environment = resolved(c->environment, &missing);
        if (!environment)
            return fail(tr("The environment variable %1 is a secret whose value is not known in this run: "
                           "edit the server and give it.").arg(missing));
        mcp::StdioCommand command;
        command.program = c->command;
        command.arguments = c->arguments;
        command.environment = *environment;
        command.workingDirectory = c->workingDirectory;
        auto *stdio = new mcp::StdioTransport(command);
        stdio->setCloseGraceMs(m_closeGraceMs);
        if (m_log)
            stdio->setTrafficLog(m_log, id);
        const std::weak_ptr<Server> weak = server;
        connect(stdio, &mcp::StdioTransport::stderrLine, this, [this, id, weak](const QString &line) {
            const auto s = weak.lock();
            if (!s)
                return;
            s->stderrLines.push_back(line);
            while (s->stderrLines.size() > size_t(MaxStderrLines)) {
                s->stderrLines.pop_front();
                ++s->dropped;
            }
            emit stderrLine(id, line);
        });
        transport = stdio;
    } else {
        if (!c->url.isValid() || (c->url.scheme() != QLatin1String("http") && c->url.scheme() != QLatin1String("https")))
            return fail(tr("The server's address must be an http or https URL."));
        const auto headers = resolved(c->headers, &missing);
        if (!headers)
            return fail(tr("The header %1 is a secret whose value is not known in this run: edit the server and give it.")
                            .arg(missing));
        mcp::HttpEndpoint endpoint;
        endpoint.url = c->url;
        endpoint.connectTimeoutMs = m_timeoutMs;
        for (const auto &[name, value] : *headers)
            endpoint.headers.emplaceBack(name.toLatin1(), value.toUtf8());
        QPointer<traffic::TrafficLog> log = m_log;
        const auto makeSse = [endpoint, log, id]() -> mcp::McpTransport * {
            auto *sse = new mcp::SseTransport(endpoint);
            if (log)
                sse->setTrafficLog(log, id);
            return sse;
        };
        if (c->transport == QLatin1String("sse")) {
            transport = makeSse();
        } else {
            auto *streamable = new mcp::StreamableHttpTransport(endpoint);
            if (m_log)
                streamable->setTrafficLog(m_log, id);
            if (auth::OAuthAuthorizer *authorizer = ensureAuthorizer(*c))
                streamable->setAuthorizer(authorizer);
            transport = streamable;
            if (c->transport == QLatin1String("auto"))
                fallback = makeSse;
        }
    }

    std::shared_ptr<ForwardingHandler> handler;
    if (m_handler)
        handler = std::make_shared<ForwardingHandler>(m_handler, id);
    auto *session = new mcp::McpSession(transport, handler.get(), this);
    // The handler lives as long as the session (a closing one is deleted later).
    connect(session, &QObject::destroyed, this, [handler] {});
    session->setEraPreference(c->era == QLatin1String("legacy")   ? mcp::McpSession::Era::Legacy
                              : c->era == QLatin1String("modern") ? mcp::McpSession::Era::Modern
                                                                  : mcp::McpSession::Era::Auto);
    if (fallback)
        session->setFallbackTransport(fallback);
    // The log panel shows what the server logs, so it is asked for.
    session->setLogLevel(QStringLiteral("info"));
    server->session = session;
    if (const auto old = m_servers.take(id))
        QTimer::singleShot(0, this, [old] {}); // a closing one is let go on the next turn
    m_servers.insert(id, server);
    const std::weak_ptr<Server> weak = server;
    connect(session, &mcp::McpSession::ready, this, [this, id, weak] {
        const auto s = weak.lock();
        if (!s || !s->session)
            return;
        s->ready = true;
        auto *catalog = new mcp::McpCatalog(s->session, m_timeoutMs, s->session);
        s->catalog = catalog;
        connect(catalog, &mcp::McpCatalog::protocolIssue, this, [this, id](const QString &why) {
            addLog(id, LogEntry{QDateTime::currentDateTime(), QStringLiteral("problem"), QStringLiteral("crosstalk"),
                                nlohmann::json(why.toStdString())});
        });
        const nlohmann::json &caps = s->session->capabilities();
        catalog->watch();
        if (caps.contains("tools"))
            catalog->fetch(mcp::McpCatalog::List::Tools);
        if (caps.contains("resources")) {
            catalog->fetch(mcp::McpCatalog::List::Resources);
            catalog->fetch(mcp::McpCatalog::List::Templates);
        }
        if (caps.contains("prompts"))
            catalog->fetch(mcp::McpCatalog::List::Prompts);
        setState(id, ConnectionStates::State::Connected, {});
        emit serverReady(id);
    });
    const auto ended = [this, id, weak](const QString &reason) {
        const auto s = weak.lock();
        if (!s || m_servers.value(id) != s)
            return;
        const bool asked = s->closing;
        s->ready = false;
        delete s->catalog;
        if (s->session)
            s->session->deleteLater();
        m_servers.remove(id);
        setState(id, asked || reason.isEmpty() ? ConnectionStates::State::Idle : ConnectionStates::State::Error, reason);
        emit serverClosed(id, asked ? QString() : reason);
    };
    connect(session, &mcp::McpSession::logMessage, this,
            [this, id](const QString &level, const QString &logger, const nlohmann::json &data) {
                addLog(id, LogEntry{QDateTime::currentDateTime(), level, logger, data});
            });
    connect(session, &mcp::McpSession::notificationReceived, this,
            [this, id](const QString &method, const nlohmann::json &params) {
                // Log messages and progress have their own places.
                if (method == QLatin1String("notifications/message") || method == QLatin1String("notifications/progress"))
                    return;
                addLog(id, LogEntry{QDateTime::currentDateTime(), QString(), method, params});
            });
    const auto issue = [this, id](const QString &why) {
        addLog(id, LogEntry{QDateTime::currentDateTime(), QStringLiteral("problem"), QStringLiteral("crosstalk"),
                            nlohmann::json(why.toStdString())});
    };
    connect(session, &mcp::McpSession::protocolIssue, this, issue);
    connect(session, &mcp::McpSession::failed, this, [ended](const mcp::McpError &e) { ended(e.message); });
    connect(session, &mcp::McpSession::closed, this, ended);
    setState(id, ConnectionStates::State::Connecting, {});
    emit sessionCreated(id, session);
    session->open(m_timeoutMs);
    return true;
}

void McpSessions::notifyRootsChanged()
{
    for (const auto &server : std::as_const(m_servers)) {
        if (server->session && server->ready && !server->closing)
            server->session->notify(QStringLiteral("notifications/roots/list_changed"));
    }
}

void McpSessions::disconnectServer(const QString &id)
{
    const auto server = m_servers.value(id);
    if (!server || !server->session || server->closing)
        return;
    server->closing = true;
    delete server->catalog;
    server->session->close();
}

mcp::McpSession *McpSessions::session(const QString &id) const
{
    const auto server = m_servers.value(id);
    return server && !server->closing ? server->session.data() : nullptr;
}

mcp::McpCatalog *McpSessions::catalog(const QString &id) const
{
    const auto server = m_servers.value(id);
    return server && !server->closing ? server->catalog.data() : nullptr;
}

bool McpSessions::isReady(const QString &id) const
{
    const auto server = m_servers.value(id);
    return server && server->ready && !server->closing;
}

QStringList McpSessions::stderrLines(const QString &id) const
{
    const auto server = m_servers.value(id);
    return server ? QStringList(server->stderrLines.begin(), server->stderrLines.end()) : QStringList();
}

qint64 McpSessions::droppedStderrLines(const QString &id) const
{
    const auto server = m_servers.value(id);
    return server ? server->dropped : 0;
}

const std::deque<McpSessions::LogEntry> &McpSessions::log(const QString &id) const
{
    static const std::deque<LogEntry> none;
    const auto it = m_logs.constFind(id);
    return it == m_logs.cend() ? none : it->entries;
}

qint64 McpSessions::droppedLogEntries(const QString &id) const
{
    return m_logs.value(id).dropped;
}

void McpSessions::addLog(const QString &id, LogEntry entry)
{
    Log &log = m_logs[id];
    log.entries.push_back(std::move(entry));
    while (log.entries.size() > size_t(MaxLogEntries)) {
        log.entries.pop_front();
        ++log.dropped;
    }
    emit logAdded(id, log.entries.back());
}

void McpSessions::setState(const QString &id, ConnectionStates::State state, const QString &reason)
{
    if (m_states)
        m_states->setServerState(id, state, reason);
}

void McpSessions::setCredentialStore(auth::CredentialStore *store)
{
    m_store = store;
}

QString McpSessions::oauthProblem(const QString &id) const
{
    const Connection *c = m_workspace ? m_workspace->connection(id) : nullptr;
    if (!c || c->kind != Connection::Kind::McpServer)
        return tr("There is no MCP server with this id in the workspace.");
    if (c->transport == QLatin1String("stdio"))
        return tr("A server started over stdio takes its credentials from its environment; OAuth is for servers over HTTP.");
    if (c->transport == QLatin1String("sse"))
        return tr("Signing in with OAuth needs the Streamable HTTP transport; this server is set to HTTP+SSE.");
    if (!c->oauth)
        return tr("OAuth is turned off for this server (Edit… in the server's context menu turns it on).");
    if (!c->url.isValid() || (c->url.scheme() != QLatin1String("http") && c->url.scheme() != QLatin1String("https")))
        return tr("The server's address must be an http or https URL.");
    return {};
}

auth::OAuthAuthorizer *McpSessions::authorizer(const QString &id) const
{
    return m_authorizers.value(id).authorizer.data();
}

auth::OAuthAuthorizer *McpSessions::ensureAuthorizer(const Connection &c)
{
    const QString id = c.id;
    if (!oauthProblem(id).isEmpty()) {
        if (auto old = m_authorizers.take(id); old.authorizer)
            old.authorizer->deleteLater();
        return nullptr;
    }
    const QString key = c.url.toString(QUrl::FullyEncoded) + QLatin1Char('\n') + c.oauthClientId;
    if (const Authorization &existing = m_authorizers.value(id); existing.authorizer && existing.key == key)
        return existing.authorizer;
    if (auto old = m_authorizers.take(id); old.authorizer)
        old.authorizer->deleteLater();

    auth::OAuthOptions options;
    options.requestTimeoutMs = m_timeoutMs;
    if (!c.oauthClientId.isEmpty()) {
        auth::OAuthClient client;
        client.clientId = c.oauthClientId;
        options.preRegistered = client;
    }
    const QPointer<McpSessions> self = this;
    options.openBrowser = [self](const QUrl &url) {
        if (self && self->m_browser)
            self->m_browser(url);
    };
    auto *a = new auth::OAuthAuthorizer(c.url, std::move(options), this);
    if (m_log)
        a->setTrafficLog(m_log, id);
    const QPointer<auth::OAuthAuthorizer> guard = a;
    a->setGrantStorage(
        [this, id, guard](const QString &issuer, std::function<void(std::optional<auth::OAuthGrant>)> done) {
            if (!m_store)
                return done(std::nullopt);
            m_store->loadGrant(issuer, guard, [this, id, done](const std::optional<auth::OAuthGrant> &grant, const QString &error) {
                if (!error.isEmpty()) {
                    m_keychainProblems.insert(id, tr("The keychain could not be read (%1); tokens are kept in memory for this "
                                                     "run only.")
                                                      .arg(error));
                    emit authorizationChanged(id);
                }
                done(grant);
            });
        },
        [this, id, guard](const auth::OAuthGrant &grant) {
            if (!m_store)
                return;
            m_store->saveGrant(grant, guard, [this, id](const QString &error) {
                if (error.isEmpty()) {
                    if (m_keychainProblems.remove(id))
                        emit authorizationChanged(id);
                    return;
                }
                m_keychainProblems.insert(id, tr("The keychain did not keep the tokens (%1); they are kept in memory for "
                                                 "this run only.")
                                                  .arg(error));
                emit authorizationChanged(id);
            });
        });
    connect(a, &http::HttpAuthorizer::busyChanged, this, [this, id, a](bool busy) {
        if (busy)
            a->clearSteps(); // the view shows the last flow
        emit authorizationChanged(id);
    });
    connect(a, &auth::OAuthAuthorizer::stepAdded, this, [this, id] { emit authorizationChanged(id); });
    connect(a, &auth::OAuthAuthorizer::flowFinished, this, [this, id](const QString &error) {
        emit authorizationChanged(id);
        emit signInFinished(id, error);
    });
    m_authorizers.insert(id, {a, key});
    emit authorizationChanged(id);
    return a;
}

bool McpSessions::signIn(const QString &id, QString *error)
{
    const Connection *c = m_workspace ? m_workspace->connection(id) : nullptr;
    const QString problem = oauthProblem(id);
    if (!problem.isEmpty() || !c) {
        if (error)
            *error = problem;
        return false;
    }
    auth::OAuthAuthorizer *a = ensureAuthorizer(*c);
    if (!a->isBusy())
        a->signIn();
    return true;
}

void McpSessions::signOut(const QString &id)
{
    if (auth::OAuthAuthorizer *a = authorizer(id)) {
        a->signOut();
        emit authorizationChanged(id);
    }
}

void McpSessions::forget(const QString &id)
{
    m_logs.remove(id);
    m_keychainProblems.remove(id);
    if (auto old = m_authorizers.take(id); old.authorizer)
        old.authorizer->deleteLater();
    const auto server = m_servers.take(id);
    if (!server)
        return;
    delete server->catalog;
    if (server->session) {
        server->session->disconnect(this);
        server->session->close();
        // The session ends its server and goes once closed (or at once when
        // nothing is running).
        connect(server->session, &mcp::McpSession::closed, server->session, &QObject::deleteLater);
    }
}

} // namespace crosstalk::workspace
