#include "McpResourcesView.h"

#include "McpArgumentsForm.h"
#include "McpResultView.h"
#include "PeerText.h"
#include "SearchWords.h"
#include "mcp/UriTemplate.h"
#include "util/JsonFields.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace crosstalk::ui {

using nlohmann::json;

namespace {

constexpr int KeyRole = Qt::UserRole + 1; // the uri, or the uri template

QString titleOf(const json &item)
{
    const QString title = json_fields::text(item, "title");
    return title.isEmpty() ? json_fields::text(item, "name") : title;
}

} // namespace

McpResourcesView::McpResourcesView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("mcpResourcesView"));
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 0, 6);
    m_search = new QLineEdit(left);
    m_search->setObjectName(QStringLiteral("resourceSearchEdit"));
    m_search->setPlaceholderText(tr("Search resources"));
    m_search->setClearButtonEnabled(true);
    m_lists = new QTabWidget(left);
    m_resources = new QListWidget(m_lists);
    m_resources->setObjectName(QStringLiteral("resourceList"));
    m_templates = new QListWidget(m_lists);
    m_templates->setObjectName(QStringLiteral("templateList"));
    m_lists->addTab(m_resources, tr("Resources"));
    m_lists->addTab(m_templates, tr("Templates"));
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_lists, 1);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (QListWidget *list : {m_resources, m_templates})
            filterListItems(list, text, [](const QListWidgetItem *item) { return item->data(KeyRole).toString(); });
    });
    for (QListWidget *list : {m_resources, m_templates})
        connect(list, &QListWidget::currentItemChanged, this, &McpResourcesView::showChosen);
    connect(m_lists, &QTabWidget::currentChanged, this, &McpResourcesView::showChosen);

    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(6, 6, 6, 6);
    m_title = makeHeadingLabel(right, QStringLiteral("resourceTitleLabel"), 1.2);
    m_uri = makePlainLabel(right, QStringLiteral("resourceUriLabel"));
    m_details = makePlainLabel(right, QStringLiteral("resourceDetailsLabel"));
    m_updated = makePlainLabel(right, QStringLiteral("resourceUpdatedLabel"));
    QPalette warn = m_updated->palette();
    warn.setColor(QPalette::WindowText, QColor(0xb2, 0x5e, 0x00));
    m_updated->setPalette(warn);
    m_updated->hide();
    m_form = new McpArgumentsForm(right);
    m_form->setObjectName(QStringLiteral("templateForm"));
    m_expanded = makePlainLabel(right, QStringLiteral("expandedUriLabel"));
    connect(m_form, &McpArgumentsForm::changed, this, [this] {
        bool isTemplate = false;
        const json *item = chosen(&isTemplate);
        if (item && isTemplate)
            m_expanded->setText(tr("Reads %1").arg(revealHiddenCharacters(expandedUri())));
        updateButtons();
    });
    connect(m_form, &McpArgumentsForm::submitRequested, this, &McpResourcesView::read);
    m_read = new QPushButton(tr("&Read"), right);
    m_read->setObjectName(QStringLiteral("readResourceButton"));
    connect(m_read, &QPushButton::clicked, this, &McpResourcesView::read);
    m_subscribe = new QPushButton(tr("&Follow Changes"), right);
    m_subscribe->setObjectName(QStringLiteral("subscribeButton"));
    m_subscribe->setCheckable(true);
    m_subscribe->setToolTip(tr("Ask the server to say when this resource changes (resources/subscribe)"));
    connect(m_subscribe, &QPushButton::toggled, this, [this](bool on) {
        bool isTemplate = false;
        const json *item = chosen(&isTemplate);
        if (!item || isTemplate || !m_catalog)
            return;
        const QString uri = json_fields::text(*item, "uri");
        const bool following = m_catalog->subscriptions().contains(uri);
        if (on && !following)
            m_catalog->subscribe(uri);
        else if (!on && following)
            m_catalog->unsubscribe(uri);
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_read);
    buttons->addWidget(m_subscribe);
    buttons->addStretch(1);
    m_result = new McpResultView(right);
    m_result->setObjectName(QStringLiteral("resourceResultView"));
    rightLayout->addWidget(m_title);
    rightLayout->addWidget(m_uri);
    rightLayout->addWidget(m_details);
    rightLayout->addWidget(m_updated);
    rightLayout->addWidget(m_form);
    rightLayout->addWidget(m_expanded);
    rightLayout->addLayout(buttons);
    rightLayout->addWidget(m_result, 1);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 700});
    showChosen();
}

void McpResourcesView::setServer(mcp::McpSession *session, mcp::McpCatalog *catalog)
{
    if (session == m_session && catalog == m_catalog)
        return; // the same lists; a new listing arrives through listUpdated()
    if (m_catalog != catalog) {
        if (m_catalog)
            m_catalog->disconnect(this);
        m_changed.clear();
        if (catalog) {
            connect(catalog, &mcp::McpCatalog::listUpdated, this, [this](mcp::McpCatalog::List list) {
                if (list == mcp::McpCatalog::List::Resources || list == mcp::McpCatalog::List::Templates)
                    reload();
            });
            connect(catalog, &mcp::McpCatalog::resourceUpdated, this, [this](const QString &uri) {
                m_changed.insert(uri);
                showChosen();
            });
        }
    }
    m_session = session;
    m_catalog = catalog;
    m_form->setSession(session);
    reload();
}

void McpResourcesView::reload()
{
    for (auto [list, kind] : {std::pair{m_resources, mcp::McpCatalog::List::Resources},
                              std::pair{m_templates, mcp::McpCatalog::List::Templates}}) {
        const QString keep = list->currentItem() ? list->currentItem()->data(KeyRole).toString() : QString();
        const QSignalBlocker blocker(list);
        list->clear();
        if (!m_catalog)
            continue;
        const char *key = kind == mcp::McpCatalog::List::Resources ? "uri" : "uriTemplate";
        for (const json &item : m_catalog->items(kind)) {
            const QString uri = json_fields::text(item, key);
            if (uri.isEmpty())
                continue;
            auto *row = new QListWidgetItem(revealHiddenCharacters(titleOf(item)), list);
            row->setData(KeyRole, uri);
            row->setToolTip(peerToolTip(uri));
            if (uri == keep)
                list->setCurrentItem(row);
        }
        if (!list->currentItem() && list->count() > 0)
            list->setCurrentRow(0);
    }
    m_lists->setTabText(0, tr("Resources (%1)").arg(m_resources->count()));
    m_lists->setTabText(1, tr("Templates (%1)").arg(m_templates->count()));
    showChosen();
}

const json *McpResourcesView::chosen(bool *isTemplate) const
{
    const bool templates = m_lists->currentWidget() == m_templates;
    if (isTemplate)
        *isTemplate = templates;
    QListWidget *list = templates ? m_templates : m_resources;
    if (!m_catalog || !list->currentItem())
        return nullptr;
    const QString key = list->currentItem()->data(KeyRole).toString();
    const char *member = templates ? "uriTemplate" : "uri";
    for (const json &item : m_catalog->items(templates ? mcp::McpCatalog::List::Templates : mcp::McpCatalog::List::Resources)) {
        if (json_fields::text(item, member) == key)
            return &item;
    }
    return nullptr;
}

void McpResourcesView::showChosen()
{
    bool isTemplate = false;
    const json *item = chosen(&isTemplate);
    for (QWidget *w : {static_cast<QWidget *>(m_title), static_cast<QWidget *>(m_uri), static_cast<QWidget *>(m_details)})
        w->setVisible(item != nullptr);
    m_form->setVisible(item && isTemplate);
    m_expanded->setVisible(item && isTemplate);
    m_subscribe->setVisible(item && !isTemplate);
    if (!item) {
        m_updated->hide();
        updateButtons();
        return;
    }
    setPeerText(m_title, titleOf(*item));
    const QString uri = json_fields::text(*item, isTemplate ? "uriTemplate" : "uri");
    setPeerText(m_uri, uri);
    QStringList details;
    if (const QString mime = json_fields::text(*item, "mimeType"); !mime.isEmpty())
        details << mime;
    if (const QString description = json_fields::text(*item, "description"); !description.isEmpty())
        details << description;
    setPeerText(m_details, details.join(QStringLiteral(" · ")));
    if (isTemplate) {
        const mcp::UriTemplate parsed(uri);
        QList<McpArgumentsForm::Argument> variables;
        for (const QString &name : parsed.variables())
            variables.append({name, QString(), QString(), true});
        if (m_form->property("template").toString() != uri) {
            m_form->setProperty("template", uri);
            m_form->setArguments(variables, json{{"type", "ref/resource"}, {"uri", uri.toStdString()}});
        }
        m_expanded->setText(parsed.isValid() ? tr("Reads %1").arg(revealHiddenCharacters(expandedUri()))
                                             : tr("The template cannot be read: %1").arg(parsed.error()));
        m_updated->hide();
    } else {
        const bool subscribable = m_session && m_session->capabilities().value("resources", json::object()).value("subscribe", false);
        m_subscribe->setEnabled(subscribable);
        {
            const QSignalBlocker blocker(m_subscribe);
            m_subscribe->setChecked(m_catalog && m_catalog->subscriptions().contains(uri));
        }
        m_updated->setVisible(m_changed.contains(uri));
        m_updated->setText(tr("The server says this resource changed since it was read: read it again."));
    }
    updateButtons();
}

QString McpResourcesView::expandedUri() const
{
    bool isTemplate = false;
    const json *item = chosen(&isTemplate);
    if (!item)
        return {};
    if (!isTemplate)
        return json_fields::text(*item, "uri");
    return mcp::UriTemplate(json_fields::text(*item, "uriTemplate")).expand(m_form->values());
}

void McpResourcesView::updateButtons()
{
    bool isTemplate = false;
    const json *item = chosen(&isTemplate);
    m_read->setEnabled(item && m_session && (!isTemplate || (m_form->isComplete() && !expandedUri().isEmpty())));
}

bool McpResourcesView::select(const QString &uriOrTemplate)
{
    for (auto [list, index] : {std::pair{m_resources, 0}, std::pair{m_templates, 1}}) {
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->data(KeyRole).toString() == uriOrTemplate) {
                m_lists->setCurrentIndex(index);
                list->setCurrentRow(i);
                showChosen();
                return true;
            }
        }
    }
    return false;
}

bool McpResourcesView::read()
{
    if (!m_read->isEnabled() || !m_session)
        return false;
    const QString uri = expandedUri();
    m_result->clear();
    m_changed.remove(uri);
    m_updated->hide();
    m_session->request(QStringLiteral("resources/read"), json{{"uri", uri.toStdString()}}, 30000, this,
                       [this, uri](const mcp::McpError &error, const json &result) {
                           if (error.ok())
                               m_result->showReadResult(result);
                           else
                               m_result->showError(error);
                           emit readFinished(uri);
                       });
    return true;
}

} // namespace crosstalk::ui
