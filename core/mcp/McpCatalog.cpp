#include "mcp/McpCatalog.h"

#include "util/JsonFields.h"
#include "util/Utf8.h"

#include <QTimer>

namespace crosstalk::mcp {

using nlohmann::json;

namespace {

/// Whether the server's capability `name` has the flag `flag`.
bool capabilityFlag(const json &capabilities, const char *name, const char *flag)
{
    const json *capability = json_fields::member(capabilities, name);
    return capability && json_fields::flag(*capability, flag);
}

} // namespace

McpCatalog::McpCatalog(McpSession *session, qint64 timeoutMs, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_timeoutMs(timeoutMs)
{
    connect(session, &McpSession::notificationReceived, this, &McpCatalog::onNotification);
}

McpCatalog::~McpCatalog()
{
    stopListen();
}

QString McpCatalog::methodOf(List list)
{
    switch (list) {
    case List::Tools: return QStringLiteral("tools/list");
    case List::Resources: return QStringLiteral("resources/list");
    case List::Templates: return QStringLiteral("resources/templates/list");
    case List::Prompts: return QStringLiteral("prompts/list");
    }
    return {};
}

const char *McpCatalog::keyOf(List list)
{
    switch (list) {
    case List::Tools: return "tools";
    case List::Resources: return "resources";
    case List::Templates: return "resourceTemplates";
    case List::Prompts: return "prompts";
    }
    return "";
}

const json &McpCatalog::items(List list) const
{
    return *m_lists[index(list)].items;
}

bool McpCatalog::modern() const
{
    return m_session && m_session->era() == QLatin1String("modern");
}

void McpCatalog::fetch(List list)
{
    const ListState &state = m_lists[index(list)];
    if (state.loaded && !state.changed && state.ttlMs > 0 && state.fetchedAt.isValid()
        && state.fetchedAt.elapsed() < state.ttlMs) {
        QTimer::singleShot(0, this, [this, list] { emit listUpdated(list); });
        return;
    }
    refresh(list);
}

void McpCatalog::refresh(List list)
{
    ListState &state = m_lists[index(list)];
    if (state.loading) {
        state.again = true; // listed once more when this listing ends
        return;
    }
    if (!m_session)
        return;
    state.loading = true;
    const char *key = keyOf(list);
    m_session->listAll(methodOf(list), QLatin1String(key), m_timeoutMs, this, [this, list, key](const McpError &error,
                                                                                                   json result) {
        ListState &state = m_lists[index(list)];
        state.loading = false;
        if (!error.ok()) {
            emit listFailed(list, error);
        } else {
            state.items = std::make_shared<const json>(sanitized(list, std::move(result.at(key))));
            state.loaded = true;
            state.changed = false;
            state.ttlMs = result.value("ttlMs", qint64(-1));
            state.fetchedAt.start();
            emit listUpdated(list);
        }
        if (std::exchange(state.again, false))
            refresh(list);
    });
}

json McpCatalog::safeIcons(const json &icons, QStringList *dropped)
{
    json kept = json::array();
    if (!icons.is_array())
        return kept;
    for (const json &icon : icons) {
        const QString src = json_fields::text(icon, "src");
        const QString scheme = src.section(QLatin1Char(':'), 0, 0).toLower();
        if (src.contains(QLatin1Char(':')) && (scheme == QLatin1String("https") || scheme == QLatin1String("data")))
            kept.push_back(icon);
        else if (dropped)
            dropped->append(src.left(120));
    }
    return kept;
}

json McpCatalog::sanitized(List list, json items)
{
    if (!items.is_array())
        return json::array();
    for (json &item : items) {
        json *icons = item.is_object() && item.contains("icons") ? &item["icons"] : nullptr;
        if (!icons)
            continue;
        QStringList dropped;
        *icons = safeIcons(*icons, &dropped);
        for (const QString &src : std::as_const(dropped)) {
            emit protocolIssue(tr("An icon of “%1” in %2 was left out: Crosstalk shows only https: and data: icons, not “%3”.")
                                   .arg(json_fields::text(item, "name").left(80), methodOf(list), src));
        }
    }
    return items;
}

void McpCatalog::onNotification(const QString &method, const json &params)
{
    if (method == QLatin1String("notifications/tools/list_changed")) {
        onListChanged(List::Tools);
    } else if (method == QLatin1String("notifications/prompts/list_changed")) {
        onListChanged(List::Prompts);
    } else if (method == QLatin1String("notifications/resources/list_changed")) {
        onListChanged(List::Resources);
        onListChanged(List::Templates);
    } else if (method == QLatin1String("notifications/resources/updated")) {
        const QString uri = json_fields::text(params, "uri");
        if (m_subscriptions.contains(uri))
            emit resourceUpdated(uri);
        else
            emit protocolIssue(tr("The server sent an update for a resource nobody subscribed to (%1).").arg(uri.left(200)));
    } else if (method == QLatin1String("notifications/subscriptions/acknowledged")) {
        const json *agreed = json_fields::member(params, "notifications");
        m_acknowledged = agreed && agreed->is_object() ? *agreed : json::object();
        m_listenRestarts = 0;
        const json *resources = json_fields::member(m_acknowledged, "resourceSubscriptions");
        for (const QString &uri : std::as_const(m_subscriptions)) {
            bool agreedTo = false;
            if (resources && resources->is_array()) {
                for (const json &r : *resources)
                    agreedTo = agreedTo || (r.is_string() && utf8ToString(r.get_ref<const std::string &>()) == uri);
            }
            if (!agreedTo) {
                McpError e;
                e.kind = McpError::Kind::Remote;
                e.message = tr("The server did not agree to send updates for this resource.");
                emit subscriptionFailed(uri, e);
            }
        }
        emit watching(m_acknowledged);
    }
}

void McpCatalog::onListChanged(List list)
{
    ListState &state = m_lists[index(list)];
    state.changed = true;
    emit listChanged(list);
    if (m_autoRefresh && (state.loaded || state.loading))
        refresh(list);
}

void McpCatalog::watch()
{
    m_watching = true;
    if (modern())
        openListen();
}

void McpCatalog::subscribe(const QString &uri)
{
    if (m_subscriptions.contains(uri) || !m_session)
        return;
    m_subscriptions.append(uri);
    if (modern()) {
        m_watching = true;
        openListen(); // the stream's filter names every subscribed resource
        return;
    }
    m_session->request(QStringLiteral("resources/subscribe"), json{{"uri", uri.toStdString()}}, m_timeoutMs, this,
                       [this, uri](const McpError &error, const json &) {
                           if (error.ok())
                               return;
                           m_subscriptions.removeAll(uri);
                           emit subscriptionFailed(uri, error);
                       });
}

void McpCatalog::unsubscribe(const QString &uri)
{
    if (!m_subscriptions.removeAll(uri) || !m_session)
        return;
    if (modern()) {
        openListen();
        return;
    }
    m_session->request(QStringLiteral("resources/unsubscribe"), json{{"uri", uri.toStdString()}}, m_timeoutMs, this,
                       [this, uri](const McpError &error, const json &) {
                           if (!error.ok())
                               emit protocolIssue(tr("Unsubscribing from %1 failed: %2").arg(uri.left(200), error.message));
                       });
}

void McpCatalog::stopListen()
{
    ++m_listenGeneration; // the old stream's end is not reported
    if (m_listenTicket && m_session)
        m_session->cancel(std::exchange(m_listenTicket, 0), tr("Crosstalk listens with another filter."));
}

void McpCatalog::openListen()
{
    if (!m_session || !m_watching)
        return;
    stopListen();
    const json &capabilities = m_session->capabilities();
    json filter = json::object();
    if (capabilityFlag(capabilities, "tools", "listChanged"))
        filter["toolsListChanged"] = true;
    if (capabilityFlag(capabilities, "prompts", "listChanged"))
        filter["promptsListChanged"] = true;
    if (capabilityFlag(capabilities, "resources", "listChanged"))
        filter["resourcesListChanged"] = true;
    if (!m_subscriptions.isEmpty()) {
        json uris = json::array();
        for (const QString &uri : std::as_const(m_subscriptions))
            uris.push_back(uri.toStdString());
        filter["resourceSubscriptions"] = std::move(uris);
    }
    const quint64 generation = m_listenGeneration;
    // The stream lives until it is closed: no timeout.
    m_listenTicket = m_session->request(
        QStringLiteral("subscriptions/listen"), json{{"notifications", filter}}, 0, this,
        [this, generation](const McpError &error, const json &) {
            if (generation != m_listenGeneration)
                return;
            m_listenTicket = 0;
            if (error.ok() && m_watching && ++m_listenRestarts <= 3) {
                // The server ended the stream in order (a restart, a
                // deploy): it is opened again, a few times in a row at most.
                QTimer::singleShot(1000, this, [this, generation] {
                    if (generation == m_listenGeneration)
                        openListen();
                });
                return;
            }
            emit watchEnded(error.ok() ? tr("The server ended the stream of changes.") : error.message);
        });
}

} // namespace crosstalk::mcp
