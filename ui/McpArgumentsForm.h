#pragma once

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <nlohmann/json.hpp>

class QFormLayout;
class QLineEdit;
class QStringListModel;
class QTimer;

namespace crosstalk::mcp {
class McpSession;
}

namespace crosstalk::ui {

/// The string arguments of a prompt or the variables of a resource template,
/// one line each, with the values the server suggests as you type
/// (`completion/complete`, when it offers completions): the suggestions are
/// asked for a moment after the last keystroke, with the other arguments as
/// context, and shown as the field's completer.
class McpArgumentsForm : public QWidget
{
    Q_OBJECT

public:
    struct Argument
    {
        QString name;
        QString title;       ///< shown instead of the name when there is one
        QString description; ///< help
        bool required = false;
    };

    /// Suggestions kept for one field.
    static constexpr int MaxSuggestions = 100;
    /// How long after the last keystroke suggestions are asked for.
    static constexpr int CompletionDelayMs = 250;

    explicit McpArgumentsForm(QWidget *parent = nullptr);

    /// Shows `arguments`; `ref` names what they belong to for completion
    /// ({"type": "ref/prompt", "name": …} or {"type": "ref/resource", "uri": …}).
    void setArguments(const QList<Argument> &arguments, const nlohmann::json &ref);
    /// The session asked for suggestions (null, or a server without the
    /// completions capability: none are asked for).
    void setSession(mcp::McpSession *session);
    /// The values typed, by name (empty ones left out).
    nlohmann::json values() const;
    /// Whether every required argument has a value.
    bool isComplete() const;
    /// The suggestions the server gave last for an argument.
    QStringList suggestions(const QString &name) const;

signals:
    void changed();
    /// Return pressed in a field.
    void submitRequested();
    /// The server's suggestions for an argument arrived (possibly none).
    void suggestionsArrived(const QString &name);

private:
    struct Field
    {
        QLineEdit *edit = nullptr;
        QStringListModel *model = nullptr;
        QTimer *timer = nullptr;
        bool required = false;
        quint64 asked = 0; // the request whose answer is wanted
    };
    void complete(const QString &name);

    QFormLayout *m_layout = nullptr;
    QPointer<mcp::McpSession> m_session;
    nlohmann::json m_ref;
    QList<QString> m_order;
    QHash<QString, Field> m_fields;
    quint64 m_nextAsk = 0;
};

} // namespace crosstalk::ui
