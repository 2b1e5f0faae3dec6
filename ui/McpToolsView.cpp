#include "McpToolsView.h"

#include "McpResultView.h"
#include "McpToolListModel.h"
#include "PeerText.h"
#include "SchemaForm.h"
#include "mcp/McpCatalog.h"
#include "mcp/McpSession.h"
#include "mcp/McpToolCall.h"
#include "util/BoundedJson.h"
#include "util/JsonFields.h"
#include "util/Utf8.h"
#include "workspace/CliCommand.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace crosstalk::ui {

namespace {

/// Two lines a tool: its title, then its name and the server's claims.
class ToolDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return {option.rect.width(), option.fontMetrics.lineSpacing() * 2 + 10};
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

        const bool selected = option.state & QStyle::State_Selected;
        const QColor text = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        QColor dim = text;
        dim.setAlphaF(0.65f);
        const QRect r = option.rect.adjusted(6, 4, -6, -4);
        const int line = option.fontMetrics.lineSpacing();
        painter->save();
        QFont bold = option.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(text);
        QString title = index.data(Qt::DisplayRole).toString();
        if (index.data(McpToolListModel::HiddenRole).toBool())
            title.prepend(QStringLiteral("⚠ "));
        painter->drawText(QRect(r.left(), r.top(), r.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(bold).elidedText(title, Qt::ElideRight, r.width()));
        painter->setFont(option.font);
        painter->setPen(dim);
        QString second = revealHiddenCharacters(index.data(McpToolListModel::NameRole).toString());
        const QStringList badges = index.data(McpToolListModel::BadgesRole).toStringList();
        if (!badges.isEmpty())
            second += QStringLiteral("  ·  ") + badges.join(QStringLiteral(" · "));
        painter->drawText(QRect(r.left(), r.top() + line, r.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                          option.fontMetrics.elidedText(second, Qt::ElideRight, r.width()));
        painter->restore();
    }
};

QString compact(const nlohmann::json &value)
{
    return utf8ToString(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

QString outcomeOf(const mcp::McpError &error, const nlohmann::json *result)
{
    if (error.kind == mcp::McpError::Kind::Cancelled)
        return McpToolsView::tr("cancelled");
    if (!error.ok())
        return McpToolsView::tr("error: %1").arg(revealHiddenCharacters(error.message.left(200)));
    if (result && json_fields::flag(*result, "isError"))
        return McpToolsView::tr("tool failure");
    return McpToolsView::tr("ok");
}

} // namespace

McpToolsView::McpToolsView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("mcpToolsView"));
    m_model = new McpToolListModel(this);
    m_filter = new McpToolFilterModel(this);
    m_filter->setSourceModel(m_model);
    m_tick.setInterval(100);
    connect(&m_tick, &QTimer::timeout, this, &McpToolsView::tick);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("toolsSplitter"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    buildList();
    buildDetail();
    auto *listSide = new QWidget(splitter);
    auto *listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(6, 6, 0, 6);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_searchEdit, 1);
    searchRow->addWidget(m_refreshButton);
    listLayout->addLayout(searchRow);
    listLayout->addWidget(m_changedLabel);
    listLayout->addWidget(m_list, 1);
    listLayout->addWidget(m_countLabel);
    splitter->addWidget(listSide);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 700});
    showTool();
}

McpToolsView::~McpToolsView() = default;

void McpToolsView::buildList()
{
    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("toolSearchEdit"));
    m_searchEdit->setPlaceholderText(tr("Search tools"));
    m_searchEdit->setClearButtonEnabled(true);
    connect(m_searchEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setSearch(text);
        m_countLabel->setText(m_filter->rowCount() == m_model->rowCount()
                                  ? tr("%n tool(s)", nullptr, m_model->rowCount())
                                  : tr("%1 of %n tool(s)", nullptr, m_model->rowCount()).arg(m_filter->rowCount()));
    });
    m_refreshButton = new QToolButton(this);
    m_refreshButton->setObjectName(QStringLiteral("refreshToolsButton"));
    m_refreshButton->setText(tr("Refresh"));
    m_refreshButton->setToolTip(tr("List the server's tools again"));
    connect(m_refreshButton, &QToolButton::clicked, this, [this] {
        if (m_catalog)
            m_catalog->refresh(mcp::McpCatalog::List::Tools);
    });
    m_changedLabel = makePlainLabel(this, QStringLiteral("toolsChangedLabel"));
    m_changedLabel->hide();
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("toolList"));
    m_list->setModel(m_filter);
    m_list->setUniformItemSizes(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // rows elide instead
    m_list->setItemDelegate(new ToolDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        const QString name = current.data(McpToolListModel::NameRole).toString();
        if (name != m_tool) {
            m_tool = name;
            showTool();
        }
    });
    m_countLabel = makePlainLabel(this, QStringLiteral("toolCountLabel"));
}

void McpToolsView::buildDetail()
{
    m_detail = new QWidget(this);
    m_detail->setObjectName(QStringLiteral("toolDetail"));
    auto *outer = new QVBoxLayout(m_detail);
    outer->setContentsMargins(6, 6, 6, 6);
    auto *vertical = new QSplitter(Qt::Vertical, m_detail);
    outer->addWidget(vertical);

    auto *top = new QWidget(vertical);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    auto *headerRow = new QHBoxLayout;
    m_iconLabel = new QLabel(top);
    m_iconLabel->setObjectName(QStringLiteral("toolIconLabel"));
    m_iconLabel->setFixedSize(32, 32);
    m_iconLabel->hide();
    m_titleLabel = makeHeadingLabel(top, QStringLiteral("toolTitleLabel"), 1.25);
    headerRow->addWidget(m_iconLabel);
    headerRow->addWidget(m_titleLabel, 1);
    topLayout->addLayout(headerRow);
    m_nameLabel = makePlainLabel(top, QStringLiteral("toolNameLabel"));
    m_badgesLabel = makePlainLabel(top, QStringLiteral("toolBadgesLabel"));
    m_hiddenLabel = makePlainLabel(top, QStringLiteral("hiddenCharactersWarning"));
    m_hiddenLabel->setText(tr("⚠ The tool's name, title or description holds hidden characters that change how it "
                              "reads; they are shown as ⟦U+…⟧ markers."));
    QPalette warn = m_hiddenLabel->palette();
    warn.setColor(QPalette::WindowText, QColor(0xb2, 0x5e, 0x00));
    m_hiddenLabel->setPalette(warn);
    m_descriptionLabel = makePlainLabel(top, QStringLiteral("toolDescriptionLabel"));
    topLayout->addWidget(m_nameLabel);
    topLayout->addWidget(m_badgesLabel);
    topLayout->addWidget(m_hiddenLabel);
    topLayout->addWidget(m_descriptionLabel);

    m_form = new SchemaForm(top);
    m_form->setObjectName(QStringLiteral("toolForm"));
    auto *scroll = new QScrollArea(top);
    scroll->setObjectName(QStringLiteral("toolFormScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_form);
    topLayout->addWidget(scroll, 1);
    connect(m_form, &SchemaForm::validityChanged, this, &McpToolsView::updateRunState);
    connect(m_form, &SchemaForm::submitRequested, this, &McpToolsView::run);

    auto *runRow = new QHBoxLayout;
    m_runButton = new QPushButton(tr("&Run"), top);
    m_runButton->setObjectName(QStringLiteral("runButton"));
    m_runButton->setToolTip(tr("Call the tool with these arguments (Ctrl+Enter)"));
    m_runButton->setDefault(true);
    connect(m_runButton, &QPushButton::clicked, this, &McpToolsView::run);
    m_cancelButton = new QPushButton(tr("Cancel"), top);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setEnabled(false);
    connect(m_cancelButton, &QPushButton::clicked, this, &McpToolsView::cancel);
    m_progress = new QProgressBar(top);
    m_progress->setObjectName(QStringLiteral("callProgress"));
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(180);
    m_progress->hide();
    m_progressLabel = makePlainLabel(top, QStringLiteral("progressLabel"));
    m_progressLabel->setWordWrap(false);
    m_elapsedLabel = makePlainLabel(top, QStringLiteral("elapsedLabel"));
    m_elapsedLabel->setWordWrap(false);
    runRow->addWidget(m_runButton);
    runRow->addWidget(m_cancelButton);
    runRow->addWidget(m_progress);
    runRow->addWidget(m_progressLabel, 1);
    runRow->addWidget(m_elapsedLabel);
    topLayout->addLayout(runRow);

    m_outputTabs = new QTabWidget(vertical);
    m_outputTabs->setObjectName(QStringLiteral("toolOutputTabs"));
    m_result = new McpResultView(m_outputTabs);
    m_result->setObjectName(QStringLiteral("toolResultView"));
    connect(m_result, &McpResultView::resourceRequested, this, &McpToolsView::resourceRequested);
    m_outputTabs->addTab(m_result, tr("Result"));

    auto *historyPage = new QWidget(m_outputTabs);
    auto *historyLayout = new QVBoxLayout(historyPage);
    m_history = new QTreeWidget(historyPage);
    m_history->setObjectName(QStringLiteral("callHistory"));
    m_history->setRootIsDecorated(false);
    m_history->setUniformRowHeights(true);
    m_history->setHeaderLabels({tr("Time"), tr("Outcome"), tr("Took"), tr("Arguments")});
    m_history->header()->setStretchLastSection(true);
    connect(m_history, &QTreeWidget::currentItemChanged, this, [this] {
        const Call *call = chosenCall();
        if (call)
            showCall(*call);
        m_rerunButton->setEnabled(call != nullptr);
        m_copyArgsButton->setEnabled(call != nullptr);
    });
    auto *historyButtons = new QHBoxLayout;
    m_rerunButton = new QPushButton(tr("Run &Again"), historyPage);
    m_rerunButton->setObjectName(QStringLiteral("rerunButton"));
    m_rerunButton->setEnabled(false);
    connect(m_rerunButton, &QPushButton::clicked, this, [this] {
        if (const Call *call = chosenCall()) {
            m_form->setValue(schema::OrderedJson(call->arguments));
            run();
        }
    });
    m_copyCliButton = new QPushButton(tr("Copy as crosstalk-cli"), historyPage);
    m_copyCliButton->setObjectName(QStringLiteral("copyCliButton"));
    m_copyCliButton->setToolTip(tr("Copy the command that makes this call from a terminal; secrets are left out"));
    connect(m_copyCliButton, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(cliCommand()); });
    m_copyArgsButton = new QPushButton(tr("Copy Arguments"), historyPage);
    m_copyArgsButton->setObjectName(QStringLiteral("copyArgumentsButton"));
    m_copyArgsButton->setEnabled(false);
    connect(m_copyArgsButton, &QPushButton::clicked, this, [this] {
        if (const Call *call = chosenCall())
            QGuiApplication::clipboard()->setText(utf8ToString(call->arguments.dump(2)));
    });
    historyButtons->addWidget(m_rerunButton);
    historyButtons->addWidget(m_copyCliButton);
    historyButtons->addWidget(m_copyArgsButton);
    historyButtons->addStretch(1);
    historyLayout->addWidget(m_history, 1);
    historyLayout->addLayout(historyButtons);
    m_outputTabs->addTab(historyPage, tr("History"));
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);
}

void McpToolsView::setServer(const workspace::Connection &server, mcp::McpSession *session, mcp::McpCatalog *catalog)
{
    const bool sameServer = server.id == m_server.id;
    const bool sameLists = sameServer && session == m_session && catalog == m_catalog;
    if (m_session != session) {
        if (m_call)
            cancel();
        if (m_session)
            m_session->disconnect(this);
        if (session)
            connect(session, &mcp::McpSession::progress, this, &McpToolsView::onProgress);
    }
    if (m_catalog != catalog) {
        if (m_catalog)
            m_catalog->disconnect(this);
        if (catalog) {
            connect(catalog, &mcp::McpCatalog::listUpdated, this, [this](mcp::McpCatalog::List list) {
                if (list == mcp::McpCatalog::List::Tools)
                    reloadTools();
            });
            connect(catalog, &mcp::McpCatalog::listChanged, this, [this](mcp::McpCatalog::List list) {
                if (list != mcp::McpCatalog::List::Tools)
                    return;
                m_changedLabel->setText(tr("The server changed its tools at %1; the list was read again.")
                                            .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
                m_changedLabel->show();
            });
        }
    }
    m_server = server;
    m_session = session;
    m_catalog = catalog;
    if (!sameServer) {
        m_changedLabel->hide();
        m_tool.clear();
        m_searchEdit->clear();
    }
    // The lists are read again only for another server or connection; a
    // new listing arrives through listUpdated().
    if (!sameLists)
        reloadTools();
    else
        updateRunState();
}

void McpToolsView::reloadTools()
{
    const QString keep = m_tool;
    m_model->setTools(m_catalog ? m_catalog->sharedItems(mcp::McpCatalog::List::Tools) : nullptr);
    m_countLabel->setText(m_filter->rowCount() == m_model->rowCount()
                              ? tr("%n tool(s)", nullptr, m_model->rowCount())
                              : tr("%1 of %n tool(s)", nullptr, m_model->rowCount()).arg(m_filter->rowCount()));
    if (!keep.isEmpty() && selectTool(keep))
        return;
    if (m_filter->rowCount() > 0)
        m_list->setCurrentIndex(m_filter->index(0, 0));
    else {
        m_tool.clear();
        showTool();
    }
}

bool McpToolsView::selectTool(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        return false;
    QModelIndex index = m_filter->mapFromSource(m_model->index(row));
    if (!index.isValid()) {
        m_searchEdit->clear(); // hidden by the search: shown again
        index = m_filter->mapFromSource(m_model->index(row));
    }
    m_list->setCurrentIndex(index);
    if (m_tool != name) {
        m_tool = name;
        showTool();
    } else {
        showTool(); // the schema may have changed with the list
    }
    return true;
}

QString McpToolsView::currentTool() const
{
    return m_tool;
}

void McpToolsView::showTool()
{
    const int row = m_model->rowOf(m_tool);
    const nlohmann::json &tool = m_model->tool(row);
    const bool has = row >= 0;
    for (QWidget *w : {static_cast<QWidget *>(m_titleLabel), static_cast<QWidget *>(m_nameLabel),
                       static_cast<QWidget *>(m_badgesLabel), static_cast<QWidget *>(m_descriptionLabel)})
        w->setVisible(has);
    if (!has) {
        m_hiddenLabel->hide();
        m_iconLabel->hide();
        m_form->setSchema(schema::OrderedJson::object());
        m_shownSchema = nullptr;
        m_form->setEnabled(false);
        if (!m_call) {
            m_resultTool.clear();
            m_result->clear();
            m_progressLabel->clear();
            m_elapsedLabel->clear();
        }
        updateRunState();
        refreshHistory();
        return;
    }
    m_form->setEnabled(true);
    const QModelIndex index = m_model->index(row);
    setPeerText(m_titleLabel, McpToolListModel::titleOf(tool));
    setPeerText(m_nameLabel, tr("Name: %1").arg(index.data(McpToolListModel::NameRole).toString()));
    const QStringList badges = McpToolListModel::badgesOf(tool);
    m_badgesLabel->setText(badges.isEmpty() ? tr("The server makes no claims about what this tool does.")
                                            : tr("The server claims: %1").arg(badges.join(QStringLiteral(" · "))));
    m_badgesLabel->setToolTip(tr("Annotations are hints from the server, not guarantees: a server may claim anything."));
    m_hiddenLabel->setVisible(index.data(McpToolListModel::HiddenRole).toBool());
    const auto description = tool.find("description");
    setPeerText(m_descriptionLabel, description != tool.end() && description->is_string()
                                        ? utf8ToString(description->get_ref<const std::string &>())
                                        : QString());
    m_descriptionLabel->setVisible(!m_descriptionLabel->text().isEmpty());
    // Icons: only data: images are drawn (the catalog keeps https: and data:
    // sources; nothing is fetched here).
    m_iconLabel->hide();
    if (const auto icons = tool.find("icons"); icons != tool.end() && icons->is_array()) {
        for (const auto &icon : *icons) {
            const QString src = icon.is_object() && icon.contains("src") && icon["src"].is_string()
                ? utf8ToString(icon["src"].get_ref<const std::string &>())
                : QString();
            if (!src.startsWith(QLatin1String("data:image/")))
                continue;
            const qsizetype comma = src.indexOf(QLatin1Char(','));
            if (comma < 0 || !src.left(comma).endsWith(QLatin1String(";base64")) || src.size() > 512 * 1024)
                continue;
            QPixmap pixmap;
            if (pixmap.loadFromData(QByteArray::fromBase64(src.mid(comma + 1).toLatin1()))) {
                m_iconLabel->setPixmap(pixmap.scaled(m_iconLabel->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation));
                m_iconLabel->show();
                break;
            }
        }
    }
    if (m_resultTool != m_tool + QLatin1Char('\n') + m_server.id && !m_call) {
        // Another tool: its last call is shown, or nothing.
        m_resultTool = m_tool + QLatin1Char('\n') + m_server.id;
        m_progressLabel->clear();
        m_elapsedLabel->clear();
        const QList<Call> calls = m_calls.value(historyKey(m_tool));
        if (calls.isEmpty())
            m_result->clear();
        else
            showCall(calls.last());
    }
    const nlohmann::json schema = tool.value("inputSchema", nlohmann::json::object());
    if (schema != m_shownSchema) {
        m_shownSchema = schema;
        m_form->setSchema(schema::OrderedJson(schema));
    }
    updateRunState();
    refreshHistory();
}

void McpToolsView::updateRunState()
{
    const bool connected = m_session && m_catalog;
    const bool canRun = connected && !m_tool.isEmpty() && !m_call && m_form->isValid();
    m_runButton->setEnabled(canRun);
    m_cancelButton->setEnabled(m_call != nullptr);
    if (!connected)
        m_runButton->setToolTip(tr("Connect to the server to call its tools"));
    else if (!m_form->isValid())
        m_runButton->setToolTip(tr("The arguments do not match the tool's schema: see the messages beside the fields"));
    else
        m_runButton->setToolTip(tr("Call the tool with these arguments (Ctrl+Enter)"));
}

bool McpToolsView::run()
{
    if (!m_session || !m_catalog || m_call || m_tool.isEmpty() || !m_form->isValid())
        return false;
    const schema::OrderedJson value = m_form->value();
    if (value.is_discarded())
        return false;
    const nlohmann::json tool = m_model->tool(m_model->rowOf(m_tool));
    m_running = Call();
    m_running.tool = m_tool;
    m_running.started = QDateTime::currentDateTime();
    m_running.arguments = nlohmann::json(value);
    if (!m_running.arguments.is_object())
        m_running.arguments = nlohmann::json::object();
    m_call = new mcp::McpToolCall(m_session, tool, m_running.arguments, CallTimeoutMs, this);
    connect(m_call, &mcp::McpToolCall::finished, this, &McpToolsView::onFinished);
    connect(m_call, &mcp::McpToolCall::taskUpdated, this, [this](const nlohmann::json &task) {
        QString text = tr("task %1").arg(utf8ToString(task.value("status", std::string())));
        if (task.contains("statusMessage") && task["statusMessage"].is_string())
            text += QStringLiteral(": ") + utf8ToString(task["statusMessage"].get_ref<const std::string &>());
        m_progressMessage = revealHiddenCharacters(text.left(300));
        tick();
    });
    m_progressMessage.clear();
    m_progress->setRange(0, 0);
    m_progress->show();
    m_elapsed.start();
    m_tick.start();
    tick();
    m_result->clear();
    m_resultTool = m_tool + QLatin1Char('\n') + m_server.id;
    m_outputTabs->setCurrentIndex(0);
    updateRunState();
    m_call->start();
    return true;
}

void McpToolsView::cancel()
{
    if (m_call)
        m_call->cancel();
}

void McpToolsView::onProgress(double progress, double total, const QString &message)
{
    if (!m_call)
        return;
    if (total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(std::clamp(progress / total, 0.0, 1.0) * 1000));
    }
    QString text = total > 0 ? tr("%1 of %2").arg(progress).arg(total) : tr("%1 done").arg(progress);
    if (!message.isEmpty())
        text += QStringLiteral(": ") + message;
    m_progressMessage = revealHiddenCharacters(text.left(300));
    tick();
}

void McpToolsView::tick()
{
    if (!m_call)
        return;
    m_progressLabel->setText(m_progressMessage.isEmpty() ? tr("Waiting for the server…") : m_progressMessage);
    m_elapsedLabel->setText(tr("%1 s").arg(double(m_elapsed.elapsed()) / 1000.0, 0, 'f', 1));
}

void McpToolsView::onFinished(const mcp::McpError &error)
{
    auto *call = m_call.data();
    if (!call)
        return;
    m_call = nullptr;
    call->deleteLater();
    m_tick.stop();
    m_progress->hide();
    m_running.elapsedMs = m_elapsed.elapsed();
    m_running.error = error;
    m_running.result = call->sharedResult();
    m_running.outputValid = call->outputValid();
    m_running.outputProblems = call->outputProblems();
    m_progressLabel->setText(outcomeOf(error, m_running.result.get()));
    m_elapsedLabel->setText(tr("%1 s").arg(double(m_running.elapsedMs) / 1000.0, 0, 'f', 2));
    m_running.order = ++m_nextOrder;
    m_running.resultBytes = m_running.result
        ? qint64(std::min<size_t>(approxJsonBytes(*m_running.result, size_t(m_maxHistoryBytes)), size_t(m_maxHistoryBytes) + 1))
        : 0;
    QList<Call> &calls = m_calls[historyKey(m_running.tool)];
    calls.append(m_running);
    m_historyBytes += m_running.resultBytes;
    while (calls.size() > MaxHistory) {
        m_historyBytes -= calls.first().resultBytes;
        calls.removeFirst();
    }
    trimHistory();
    const QString tool = m_running.tool;
    if (tool == m_tool) { // else the person has moved on to another tool
        m_resultTool = tool + QLatin1Char('\n') + m_server.id;
        showCall(m_running);
    }
    refreshHistory();
    updateRunState();
    emit callFinished(tool, error);
}

void McpToolsView::showCall(const Call &call)
{
    if (call.error.ok())
        m_result->showToolResult(call.result, call.outputValid, call.outputProblems);
    else
        m_result->showError(call.error);
}

QString McpToolsView::historyKey(const QString &tool) const
{
    return m_server.id + QLatin1Char('\n') + tool;
}

void McpToolsView::setMaxHistoryBytes(qint64 bytes)
{
    m_maxHistoryBytes = std::max<qint64>(0, bytes);
    trimHistory();
    refreshHistory();
}

void McpToolsView::trimHistory()
{
    while (m_historyBytes > m_maxHistoryBytes) {
        // The oldest call of any tool, never the newest of all.
        QList<Call> *oldest = nullptr;
        for (QList<Call> &calls : m_calls) {
            if (!calls.isEmpty() && (!oldest || calls.first().order < oldest->first().order))
                oldest = &calls;
        }
        if (!oldest || oldest->first().order == m_nextOrder)
            return;
        m_historyBytes -= oldest->first().resultBytes;
        oldest->removeFirst();
    }
}

void McpToolsView::refreshHistory()
{
    const QSignalBlocker blocker(m_history);
    m_history->clear();
    const QList<Call> calls = m_calls.value(historyKey(m_tool));
    // Newest first.
    for (qsizetype i = calls.size() - 1; i >= 0; --i) {
        const Call &call = calls.at(i);
        auto *item = new QTreeWidgetItem(m_history);
        item->setText(0, QLocale().toString(call.started.time(), QLocale::LongFormat));
        item->setText(1, outcomeOf(call.error, call.result.get()));
        item->setText(2, tr("%1 ms").arg(call.elapsedMs));
        item->setText(3, revealHiddenCharacters(compact(call.arguments).left(300)));
        item->setData(0, Qt::UserRole, int(i));
    }
    m_rerunButton->setEnabled(false);
    m_copyArgsButton->setEnabled(false);
    m_outputTabs->setTabText(1, calls.isEmpty() ? tr("History") : tr("History (%1)").arg(calls.size()));
}

const McpToolsView::Call *McpToolsView::chosenCall() const
{
    const QTreeWidgetItem *item = m_history->currentItem();
    if (!item)
        return nullptr;
    const auto it = m_calls.constFind(historyKey(m_tool));
    const int index = item->data(0, Qt::UserRole).toInt();
    if (it == m_calls.cend() || index < 0 || index >= it->size())
        return nullptr;
    return &it->at(index);
}

QString McpToolsView::cliCommand() const
{
    if (m_tool.isEmpty())
        return {};
    nlohmann::json arguments;
    if (const Call *call = chosenCall()) {
        arguments = call->arguments;
    } else {
        const schema::OrderedJson value = m_form->value();
        arguments = value.is_discarded() ? nlohmann::json::object() : nlohmann::json(value);
    }
    return workspace::mcpCliCommand(m_server, {QStringLiteral("call"), m_tool, QStringLiteral("--args"), compact(arguments)});
}

} // namespace crosstalk::ui
