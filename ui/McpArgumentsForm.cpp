#include "McpArgumentsForm.h"

#include "PeerText.h"
#include "mcp/McpSession.h"
#include "util/JsonFields.h"

#include <QCompleter>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>
#include <QTimer>

namespace crosstalk::ui {

McpArgumentsForm::McpArgumentsForm(QWidget *parent)
    : QWidget(parent)
{
    m_layout = new QFormLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
}

void McpArgumentsForm::setArguments(const QList<Argument> &arguments, const nlohmann::json &ref)
{
    while (m_layout->rowCount() > 0)
        m_layout->removeRow(0);
    m_fields.clear();
    m_order.clear();
    m_ref = ref;
    for (const Argument &a : arguments) {
        if (a.name.isEmpty() || m_fields.contains(a.name))
            continue;
        Field field;
        field.required = a.required;
        field.edit = new QLineEdit(this);
        field.edit->setObjectName(QStringLiteral("argument:") + a.name);
        if (!a.description.isEmpty()) {
            field.edit->setPlaceholderText(revealHiddenCharacters(a.description.left(200)));
            field.edit->setToolTip(peerToolTip(a.description));
        }
        field.model = new QStringListModel(field.edit);
        auto *completer = new QCompleter(field.model, field.edit);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        field.edit->setCompleter(completer);
        field.timer = new QTimer(field.edit);
        field.timer->setSingleShot(true);
        field.timer->setInterval(CompletionDelayMs);
        const QString name = a.name;
        connect(field.timer, &QTimer::timeout, this, [this, name] { complete(name); });
        connect(field.edit, &QLineEdit::textEdited, this, [this, name] {
            if (m_fields.contains(name))
                m_fields[name].timer->start();
        });
        connect(field.edit, &QLineEdit::textChanged, this, &McpArgumentsForm::changed);
        connect(field.edit, &QLineEdit::returnPressed, this, &McpArgumentsForm::submitRequested);
        auto *label = new QLabel(this);
        setPeerText(label, (a.title.isEmpty() ? a.name : a.title) + (a.required ? QStringLiteral(" *") : QString()));
        if (a.required)
            label->setToolTip(tr("Required"));
        m_layout->addRow(label, field.edit);
        m_fields.insert(name, field);
        m_order.append(name);
    }
    emit changed();
}

void McpArgumentsForm::setSession(mcp::McpSession *session)
{
    m_session = session;
}

nlohmann::json McpArgumentsForm::values() const
{
    nlohmann::json out = nlohmann::json::object();
    for (const QString &name : m_order) {
        const QString text = m_fields.value(name).edit->text();
        if (!text.isEmpty())
            out[name.toStdString()] = text.toStdString();
    }
    return out;
}

bool McpArgumentsForm::isComplete() const
{
    for (const Field &f : m_fields) {
        if (f.required && f.edit->text().isEmpty())
            return false;
    }
    return true;
}

QStringList McpArgumentsForm::suggestions(const QString &name) const
{
    const auto it = m_fields.constFind(name);
    return it == m_fields.cend() ? QStringList() : it->model->stringList();
}

void McpArgumentsForm::complete(const QString &name)
{
    if (!m_session || !m_session->capabilities().contains("completions") || !m_fields.contains(name))
        return;
    Field &field = m_fields[name];
    const quint64 ask = ++m_nextAsk;
    field.asked = ask;
    nlohmann::json others = values();
    others.erase(name.toStdString());
    nlohmann::json params{{"ref", m_ref},
                          {"argument", {{"name", name.toStdString()}, {"value", field.edit->text().toStdString()}}}};
    if (!others.empty())
        params["context"] = {{"arguments", others}};
    m_session->request(QStringLiteral("completion/complete"), params, 10000, field.edit,
                       [this, name, ask](const mcp::McpError &error, const nlohmann::json &result) {
                           const auto it = m_fields.find(name);
                           if (it == m_fields.end() || it->asked != ask)
                               return; // a later keystroke asked again
                           QStringList values;
                           const nlohmann::json *completion = json_fields::member(result, "completion");
                           const nlohmann::json *list = completion ? json_fields::member(*completion, "values") : nullptr;
                           if (error.ok() && list && list->is_array()) {
                               for (const nlohmann::json &v : *list) {
                                   if (v.is_string() && values.size() < MaxSuggestions)
                                       values.append(revealHiddenCharacters(QString::fromStdString(v.get<std::string>())));
                               }
                           }
                           it->model->setStringList(values);
                           if (!values.isEmpty() && it->edit->hasFocus())
                               it->edit->completer()->complete();
                           emit suggestionsArrived(name);
                       });
}

} // namespace crosstalk::ui
