#include "McpPromptsView.h"

#include "McpArgumentsForm.h"
#include "McpResultView.h"
#include "PeerText.h"
#include "SearchWords.h"
#include "util/JsonFields.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace crosstalk::ui {

using nlohmann::json;

namespace {
constexpr int DescriptionRole = Qt::UserRole + 1; // searched with the title
}

McpPromptsView::McpPromptsView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("mcpPromptsView"));
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 0, 6);
    m_search = new QLineEdit(left);
    m_search->setObjectName(QStringLiteral("promptSearchEdit"));
    m_search->setPlaceholderText(tr("Search prompts"));
    m_search->setClearButtonEnabled(true);
    m_list = new QListWidget(left);
    m_list->setObjectName(QStringLiteral("promptList"));
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_list, 1);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        filterListItems(m_list, text, [](const QListWidgetItem *item) { return item->data(DescriptionRole).toString(); });
    });
    connect(m_list, &QListWidget::currentItemChanged, this, &McpPromptsView::showChosen);

    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(6, 6, 6, 6);
    m_title = makeHeadingLabel(right, QStringLiteral("promptTitleLabel"), 1.2);
    m_description = makePlainLabel(right, QStringLiteral("promptDescriptionLabel"));
    m_form = new McpArgumentsForm(right);
    m_form->setObjectName(QStringLiteral("promptForm"));
    m_get = new QPushButton(tr("&Get Prompt"), right);
    m_get->setObjectName(QStringLiteral("getPromptButton"));
    connect(m_get, &QPushButton::clicked, this, &McpPromptsView::get);
    connect(m_form, &McpArgumentsForm::submitRequested, this, &McpPromptsView::get);
    connect(m_form, &McpArgumentsForm::changed, this,
            [this] { m_get->setEnabled(chosen() && m_session && m_form->isComplete()); });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_get);
    buttons->addStretch(1);
    m_result = new McpResultView(right);
    m_result->setObjectName(QStringLiteral("promptResultView"));
    rightLayout->addWidget(m_title);
    rightLayout->addWidget(m_description);
    rightLayout->addWidget(m_form);
    rightLayout->addLayout(buttons);
    rightLayout->addWidget(m_result, 1);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 700});
    showChosen();
}

void McpPromptsView::setServer(mcp::McpSession *session, mcp::McpCatalog *catalog)
{
    if (session == m_session && catalog == m_catalog)
        return; // the same lists; a new listing arrives through listUpdated()
    if (m_catalog != catalog) {
        if (m_catalog)
            m_catalog->disconnect(this);
        if (catalog)
            connect(catalog, &mcp::McpCatalog::listUpdated, this, [this](mcp::McpCatalog::List list) {
                if (list == mcp::McpCatalog::List::Prompts)
                    reload();
            });
    }
    m_session = session;
    m_catalog = catalog;
    m_form->setSession(session);
    reload();
}

void McpPromptsView::reload()
{
    const QString keep = m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        if (m_catalog) {
            for (const json &prompt : m_catalog->items(mcp::McpCatalog::List::Prompts)) {
                const QString name = json_fields::text(prompt, "name");
                if (name.isEmpty())
                    continue;
                const QString title = json_fields::text(prompt, "title");
                auto *item = new QListWidgetItem(revealHiddenCharacters(title.isEmpty() ? name : title), m_list);
                item->setData(Qt::UserRole, name);
                const QString description = json_fields::text(prompt, "description").left(2000);
                item->setData(DescriptionRole, description);
                item->setToolTip(peerToolTip(description));
                if (name == keep)
                    m_list->setCurrentItem(item);
            }
        }
        if (!m_list->currentItem() && m_list->count() > 0)
            m_list->setCurrentRow(0);
    }
    m_shown.clear();
    showChosen();
}

const json *McpPromptsView::chosen() const
{
    if (!m_catalog || !m_list->currentItem())
        return nullptr;
    const QString name = m_list->currentItem()->data(Qt::UserRole).toString();
    for (const json &prompt : m_catalog->items(mcp::McpCatalog::List::Prompts)) {
        if (json_fields::text(prompt, "name") == name)
            return &prompt;
    }
    return nullptr;
}

void McpPromptsView::showChosen()
{
    const json *prompt = chosen();
    m_title->setVisible(prompt != nullptr);
    m_description->setVisible(prompt != nullptr);
    m_form->setVisible(prompt != nullptr);
    if (!prompt) {
        m_get->setEnabled(false);
        return;
    }
    const QString name = json_fields::text(*prompt, "name");
    const QString title = json_fields::text(*prompt, "title");
    setPeerText(m_title, title.isEmpty() ? name : title + QStringLiteral(" (") + name + QLatin1Char(')'));
    setPeerText(m_description, json_fields::text(*prompt, "description"));
    if (m_shown != name) {
        m_shown = name;
        QList<McpArgumentsForm::Argument> arguments;
        if (const json *list = json_fields::member(*prompt, "arguments"); list && list->is_array()) {
            for (const json &a : *list)
                arguments.append({json_fields::text(a, "name"), json_fields::text(a, "title"), json_fields::text(a, "description"),
                                  json_fields::flag(a, "required")});
        }
        m_form->setArguments(arguments, json{{"type", "ref/prompt"}, {"name", name.toStdString()}});
        m_result->clear();
    }
    m_get->setEnabled(m_session && m_form->isComplete());
}

bool McpPromptsView::select(const QString &name)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toString() == name) {
            m_list->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

bool McpPromptsView::get()
{
    const json *prompt = chosen();
    if (!prompt || !m_session || !m_form->isComplete())
        return false;
    const QString name = json_fields::text(*prompt, "name");
    m_result->clear();
    m_session->request(QStringLiteral("prompts/get"), json{{"name", name.toStdString()}, {"arguments", m_form->values()}}, 30000,
                       this, [this, name](const mcp::McpError &error, const json &result) {
                           if (error.ok())
                               m_result->showPromptResult(result);
                           else
                               m_result->showError(error);
                           emit getFinished(name);
                       });
    return true;
}

} // namespace crosstalk::ui
