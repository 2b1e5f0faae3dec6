#pragma once

#include "workspace/McpSessions.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <functional>

class QDialog;
class QWidget;

namespace crosstalk::workspace {
class Workspace;
}

namespace crosstalk::ui {

/// Answers what MCP servers ask of the person, each in a window of its own
/// (not modal: several servers may ask at once) that names the server:
/// - elicitation/create, form mode: the server's message and a SchemaForm of
///   its requested schema; Accept (only when valid), Decline, Cancel;
/// - elicitation/create, URL mode: the message, the URL and the domain it
///   leads to; the browser is opened only when the person agrees;
/// - sampling/createMessage: the request (system prompt, messages, model
///   preferences, maximum tokens, tools) and a reply the person writes, or
///   Reject;
/// - roots/list: answered at once with the roots the person set
///   (setRoots(), the roots editor).
/// Closing a window is Cancel (Reject for sampling). Server text is plain
/// text with hidden characters shown.
class McpRequestHandler : public QObject, public workspace::ServerRequestHandler
{
    Q_OBJECT

public:
    explicit McpRequestHandler(workspace::Workspace *workspace, QObject *parent = nullptr);
    ~McpRequestHandler() override;

    /// The window the dialogs belong to.
    void setParentWidget(QWidget *parent) { m_parent = parent; }
    /// The folders offered as roots (file: URIs).
    const QStringList &roots() const { return m_roots; }
    void setRoots(const QStringList &roots);
    /// How a URL the person agreed to is opened (tests open nothing).
    void setUrlOpener(std::function<void(const QUrl &)> opener) { m_open = std::move(opener); }

    void handleServerRequest(const QString &serverId, const QString &method, const nlohmann::json &params,
                             mcp::McpClientHandler::Reply reply, mcp::McpClientHandler::Refuse refuse) override;

signals:
    /// A request is shown (its window is `dialog`).
    void requestShown(QDialog *dialog);
    void rootsChanged();

private:
    QString serverName(const QString &id) const;
    QDialog *makeDialog(const QString &objectName, const QString &title);
    void elicitForm(const QString &server, const nlohmann::json &params, mcp::McpClientHandler::Reply reply);
    void elicitUrl(const QString &server, const nlohmann::json &params, mcp::McpClientHandler::Reply reply);
    void sample(const QString &server, const nlohmann::json &params, mcp::McpClientHandler::Reply reply,
                mcp::McpClientHandler::Refuse refuse);

    QPointer<workspace::Workspace> m_workspace;
    QPointer<QWidget> m_parent;
    QStringList m_roots;
    std::function<void(const QUrl &)> m_open;
};

} // namespace crosstalk::ui
