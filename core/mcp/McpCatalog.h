#pragma once

#include "mcp/McpSession.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <array>
#include <memory>
#include <nlohmann/json.hpp>

namespace crosstalk::mcp {

/// What a server offers, kept current: its tools, resources, resource
/// templates and prompts (all pages), and the resources someone subscribed
/// to. The views read from here.
///
/// - A list is fetched again when the server says it changed
///   (`notifications/…/list_changed`), and is served from memory while the
///   modern `ttlMs` hint says it is fresh.
/// - Icons are kept only with `https:` or `data:` sources; others are
///   dropped and named in protocolIssue().
/// - Changes are followed in the legacy era by the notifications the server
///   sends by itself and `resources/subscribe`; in the modern era by one
///   `subscriptions/listen` stream whose filter asks for what the server
///   offers, opened again when the subscribed resources change.
class McpCatalog : public QObject
{
    Q_OBJECT

public:
    enum class List { Tools, Resources, Templates, Prompts };
    Q_ENUM(List)

    /// The session must outlive the catalog. `timeoutMs` bounds each request.
    McpCatalog(McpSession *session, qint64 timeoutMs, QObject *parent = nullptr);
    ~McpCatalog() override;

    /// Lists again now, all pages; listUpdated() or listFailed() follows.
    void refresh(List list);
    /// Lists unless the last listing is still fresh by its `ttlMs`.
    void fetch(List list);
    /// The items of the last listing (empty before one).
    const nlohmann::json &items(List list) const;
    /// The same, shared: a view may keep it without copying (a new listing
    /// replaces it, the one kept stays as it was).
    std::shared_ptr<const nlohmann::json> sharedItems(List list) const { return m_lists[index(list)].items; }
    /// Whether the server said the list changed since the last listing.
    bool changed(List list) const { return m_lists[index(list)].changed; }
    /// Whether a list the server said changed is listed again by itself
    /// (the default), or only marked as changed.
    void setAutoRefresh(bool on) { m_autoRefresh = on; }

    /// Follows the server's changes: in the modern era opens the
    /// `subscriptions/listen` stream (the legacy server sends them unasked).
    void watch();
    /// Updates for one resource: resourceUpdated() when it changes.
    void subscribe(const QString &uri);
    void unsubscribe(const QString &uri);
    const QStringList &subscriptions() const { return m_subscriptions; }
    /// What the modern server agreed to send on the listen stream.
    const nlohmann::json &acknowledged() const { return m_acknowledged; }

    /// The icons of an item (`icons`: [{src, …}]) whose source is https: or
    /// data:; the others' sources are added to `dropped`.
    static nlohmann::json safeIcons(const nlohmann::json &icons, QStringList *dropped);
    static QString methodOf(List list);
    static const char *keyOf(List list);

signals:
    void listUpdated(crosstalk::mcp::McpCatalog::List list);
    void listFailed(crosstalk::mcp::McpCatalog::List list, const crosstalk::mcp::McpError &error);
    /// The server said the list changed.
    void listChanged(crosstalk::mcp::McpCatalog::List list);
    void resourceUpdated(const QString &uri);
    void subscriptionFailed(const QString &uri, const crosstalk::mcp::McpError &error);
    /// The modern listen stream is open; `notifications` is what the server
    /// agreed to send.
    void watching(const nlohmann::json &notifications);
    /// Following changes stopped (the listen stream failed or ended).
    void watchEnded(const QString &why);
    void protocolIssue(const QString &why);

private:
    struct ListState
    {
        std::shared_ptr<const nlohmann::json> items = std::make_shared<const nlohmann::json>(nlohmann::json::array());
        bool loaded = false;
        bool loading = false;
        bool again = false;   ///< a change arrived while listing
        bool changed = false;
        qint64 ttlMs = -1;
        QElapsedTimer fetchedAt;
    };
    static int index(List list) { return int(list); }
    bool modern() const;
    void onNotification(const QString &method, const nlohmann::json &params);
    void onListChanged(List list);
    void openListen();
    void stopListen();
    nlohmann::json sanitized(List list, nlohmann::json items);

    QPointer<McpSession> m_session;
    qint64 m_timeoutMs;
    std::array<ListState, 4> m_lists;
    bool m_autoRefresh = true;
    bool m_watching = false;
    QStringList m_subscriptions;
    McpSession::Ticket m_listenTicket = 0;
    quint64 m_listenGeneration = 0;
    nlohmann::json m_acknowledged;
    int m_listenRestarts = 0;
};

} // namespace crosstalk::mcp
