#pragma once

#include "mcp/McpCatalog.h"

#include <QPointer>
#include <QSet>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTabWidget;

namespace crosstalk::ui {

class McpArgumentsForm;
class McpResultView;

/// A server's resources and resource templates: both lists (all pages) with
/// a search; the chosen resource read (`resources/read`) and shown, and
/// followed (`resources/subscribe`, when the server offers it) with a
/// marker when it changes; a template's variables filled in (with the
/// server's suggestions) and the resource it names read.
class McpResourcesView : public QWidget
{
    Q_OBJECT

public:
    explicit McpResourcesView(QWidget *parent = nullptr);

    /// Shows what a connected server offers (null: not connected).
    void setServer(mcp::McpSession *session, mcp::McpCatalog *catalog);
    /// Chooses a resource by URI, or a template by its URI template.
    bool select(const QString &uriOrTemplate);
    /// Reads the chosen resource, or the one the chosen template names.
    bool read();
    /// The URI the chosen template names with the values typed.
    QString expandedUri() const;

    McpArgumentsForm *templateForm() const { return m_form; }
    McpResultView *resultView() const { return m_result; }

signals:
    void readFinished(const QString &uri);

private:
    void reload();
    void showChosen();
    void updateButtons();
    const nlohmann::json *chosen(bool *isTemplate = nullptr) const;

    QPointer<mcp::McpSession> m_session;
    QPointer<mcp::McpCatalog> m_catalog;
    QLineEdit *m_search = nullptr;
    QTabWidget *m_lists = nullptr;
    QListWidget *m_resources = nullptr;
    QListWidget *m_templates = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_uri = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_updated = nullptr;
    McpArgumentsForm *m_form = nullptr;
    QLabel *m_expanded = nullptr;
    QPushButton *m_read = nullptr;
    QPushButton *m_subscribe = nullptr;
    McpResultView *m_result = nullptr;
    QSet<QString> m_changed; // subscribed URIs the server said changed since they were read
};

} // namespace crosstalk::ui
