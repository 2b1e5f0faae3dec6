#include "ConnectionsSidebar.h"

#include "AddAgentDialog.h"
#include "McpServerDialog.h"
#include "WorkspaceModel.h"
#include "workspace/ConnectionStates.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QMenu>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace crosstalk::ui {

ConnectionsSidebar::ConnectionsSidebar(workspace::Workspace *workspace, workspace::ConnectionStates *states, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_states(states)
    , m_model(new WorkspaceModel(workspace, states, this))
{
    setObjectName(QStringLiteral("connectionsSidebar"));

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("connectionsView"));
    m_view->setModel(m_model);
    m_view->setHeaderHidden(true);
    m_view->setUniformRowHeights(true);
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->expandAll();
    // New connections and a loaded workspace stay visible.
    connect(m_model, &QAbstractItemModel::rowsInserted, m_view, &QTreeView::expandAll);
    connect(m_model, &QAbstractItemModel::modelReset, m_view, &QTreeView::expandAll);
    connect(m_view, &QWidget::customContextMenuRequested, this, &ConnectionsSidebar::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { emit currentChanged(currentId()); });

    m_addButton = new QToolButton(this);
    m_addButton->setObjectName(QStringLiteral("addAgentButton"));
    m_addButton->setText(tr("Add agent…"));
    m_addButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_addButton->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    m_addButton->setToolTip(tr("Add an A2A agent by its URL"));
    connect(m_addButton, &QToolButton::clicked, this, &ConnectionsSidebar::addAgent);
    auto *addServerButton = new QToolButton(this);
    addServerButton->setObjectName(QStringLiteral("addServerButton"));
    addServerButton->setText(tr("Add server…"));
    addServerButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    addServerButton->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    addServerButton->setToolTip(tr("Add an MCP server: a command to run, or a URL"));
    connect(addServerButton, &QToolButton::clicked, this, &ConnectionsSidebar::addMcpServer);

    m_removeButton = new QToolButton(this);
    m_removeButton->setObjectName(QStringLiteral("removeConnectionButton"));
    m_removeButton->setIcon(QIcon::fromTheme(QStringLiteral("list-remove")));
    m_removeButton->setText(tr("Remove"));
    m_removeButton->setToolTip(tr("Remove the selected connection from the workspace"));
    m_removeButton->setEnabled(false);
    connect(m_removeButton, &QToolButton::clicked, this, &ConnectionsSidebar::removeCurrent);
    connect(this, &ConnectionsSidebar::currentChanged, this,
            [this](const QString &id) { m_removeButton->setEnabled(!id.isEmpty()); });

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_addButton);
    buttons->addWidget(addServerButton);
    buttons->addStretch();
    buttons->addWidget(m_removeButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    layout->addLayout(buttons);
}

QString ConnectionsSidebar::currentId() const
{
    return m_view->currentIndex().data(WorkspaceModel::IdRole).toString();
}

bool ConnectionsSidebar::select(const QString &id)
{
    const QModelIndex index = m_model->indexOf(id);
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    return true;
}

void ConnectionsSidebar::addAgent()
{
    if (m_addDialog) {
        m_addDialog->raise();
        m_addDialog->activateWindow();
        return;
    }
    m_addDialog = new AddAgentDialog(this);
    m_addDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_addDialog, &QDialog::accepted, this, [this] {
        if (!m_workspace || !m_addDialog)
            return;
        workspace::Connection c;
        c.kind = workspace::Connection::Kind::Agent;
        c.url = m_addDialog->url();
        c.name = m_addDialog->name();
        const QString id = m_workspace->add(c);
        m_view->setCurrentIndex(m_model->indexOf(id));
    });
    m_addDialog->open(); // window-modal, without a nested event loop
}

void ConnectionsSidebar::addMcpServer()
{
    if (m_serverDialog && m_serverDialog->isVisible()) {
        m_serverDialog->raise();
        m_serverDialog->activateWindow();
        return;
    }
    m_serverDialog = new McpServerDialog(this);
    m_serverDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_serverDialog, &QDialog::accepted, this, [this] {
        if (!m_workspace || !m_serverDialog)
            return;
        workspace::Connection c = m_serverDialog->connection();
        if (c.id.isEmpty())
            c.id = m_workspace->uniqueId(c.name.isEmpty() ? QStringLiteral("mcp-server") : c.name);
        const QString id = m_workspace->add(c);
        m_view->setCurrentIndex(m_model->indexOf(id));
    });
    m_serverDialog->open();
}

void ConnectionsSidebar::editCurrent()
{
    const workspace::Connection *c = m_workspace ? m_workspace->connection(currentId()) : nullptr;
    if (!c || c->kind != workspace::Connection::Kind::McpServer)
        return;
    if (m_serverDialog && m_serverDialog->isVisible()) {
        m_serverDialog->raise(); // one dialog at a time
        m_serverDialog->activateWindow();
        return;
    }
    m_serverDialog = new McpServerDialog(this);
    m_serverDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_serverDialog->setConnection(*c);
    connect(m_serverDialog, &QDialog::accepted, this, [this] {
        if (m_workspace && m_serverDialog)
            m_workspace->update(m_serverDialog->connection());
    });
    m_serverDialog->open();
}

void ConnectionsSidebar::refreshCurrent()
{
    if (m_states && !currentId().isEmpty())
        m_states->refresh(currentId());
}

void ConnectionsSidebar::removeCurrent()
{
    if (m_workspace && !currentId().isEmpty())
        m_workspace->remove(currentId());
}

void ConnectionsSidebar::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    // popup(), not exec(): no nested event loop.
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(QIcon::fromTheme(QStringLiteral("list-add")), tr("Add agent…"), this, &ConnectionsSidebar::addAgent);
    menu->addAction(QIcon::fromTheme(QStringLiteral("list-add")), tr("Add MCP server…"), this, &ConnectionsSidebar::addMcpServer);
    if (!index.data(WorkspaceModel::IdRole).toString().isEmpty()) {
        m_view->setCurrentIndex(index);
        const workspace::Connection *c = m_workspace ? m_workspace->connection(currentId()) : nullptr;
        if (c && c->kind == workspace::Connection::Kind::McpServer)
            menu->addAction(QIcon::fromTheme(QStringLiteral("document-edit")), tr("Edit…"), this, &ConnectionsSidebar::editCurrent);
        menu->addAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Refresh"), this,
                        &ConnectionsSidebar::refreshCurrent);
        menu->addAction(QIcon::fromTheme(QStringLiteral("list-remove")), tr("Remove"), this,
                        &ConnectionsSidebar::removeCurrent);
    }
    menu->popup(m_view->viewport()->mapToGlobal(pos));
}

} // namespace crosstalk::ui
