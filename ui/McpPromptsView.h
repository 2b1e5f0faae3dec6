#pragma once

#include "mcp/McpCatalog.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace crosstalk::ui {

class McpArgumentsForm;
class McpResultView;

/// A server's prompts: the list (all pages) with a search; the chosen
/// prompt's arguments filled in, with the server's suggestions; and the
/// messages `prompts/get` gives back.
class McpPromptsView : public QWidget
{
    Q_OBJECT

public:
    explicit McpPromptsView(QWidget *parent = nullptr);

    void setServer(mcp::McpSession *session, mcp::McpCatalog *catalog);
    bool select(const QString &name);
    /// Gets the chosen prompt with the arguments typed.
    bool get();

    McpArgumentsForm *argumentsForm() const { return m_form; }
    McpResultView *resultView() const { return m_result; }

signals:
    void getFinished(const QString &name);

private:
    void reload();
    void showChosen();
    const nlohmann::json *chosen() const;

    QPointer<mcp::McpSession> m_session;
    QPointer<mcp::McpCatalog> m_catalog;
    QLineEdit *m_search = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_description = nullptr;
    McpArgumentsForm *m_form = nullptr;
    QPushButton *m_get = nullptr;
    McpResultView *m_result = nullptr;
    QString m_shown; // the prompt whose arguments the form holds
};

} // namespace crosstalk::ui
