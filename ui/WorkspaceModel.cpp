#include "WorkspaceModel.h"

#include "PeerText.h"

#include <QColor>
#include <QFont>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

namespace crosstalk::ui {

using workspace::Connection;
using workspace::ConnectionStates;

namespace {

constexpr quintptr GroupId = 0; // internalId of the two group rows; members carry group + 1

QIcon stateIcon(ConnectionStates::State state)
{
    static QHash<int, QIcon> cache;
    const auto it = cache.constFind(int(state));
    if (it != cache.cend())
        return *it;
    QColor color;
    switch (state) {
    case ConnectionStates::State::Idle: color = QColor(0x9e, 0x9e, 0x9e); break;
    case ConnectionStates::State::Connecting: color = QColor(0xf0, 0xa2, 0x02); break;
    case ConnectionStates::State::Connected: color = QColor(0x2e, 0x9d, 0x4f); break;
    case ConnectionStates::State::Error: color = QColor(0xd3, 0x2f, 0x2f); break;
    }
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(6, 6, 20, 20));
    painter.end();
    return *cache.insert(int(state), QIcon(pixmap));
}

QString stateText(ConnectionStates::State state)
{
    switch (state) {
    case ConnectionStates::State::Idle: return WorkspaceModel::tr("not connected");
    case ConnectionStates::State::Connecting: return WorkspaceModel::tr("connecting…");
    case ConnectionStates::State::Connected: return WorkspaceModel::tr("connected");
    case ConnectionStates::State::Error: return WorkspaceModel::tr("error");
    }
    return {};
}

} // namespace

WorkspaceModel::WorkspaceModel(workspace::Workspace *workspace, ConnectionStates *states, QObject *parent)
    : QAbstractItemModel(parent)
    , m_workspace(workspace)
    , m_states(states)
{
    connect(workspace, &workspace::Workspace::aboutToReset, this, [this] { beginResetModel(); });
    connect(workspace, &workspace::Workspace::wasReset, this, [this] { endResetModel(); });
    connect(workspace, &workspace::Workspace::aboutToAdd, this, &WorkspaceModel::onAboutToAdd);
    connect(workspace, &workspace::Workspace::added, this, &WorkspaceModel::onAdded);
    connect(workspace, &workspace::Workspace::aboutToRemove, this, &WorkspaceModel::onAboutToRemove);
    connect(workspace, &workspace::Workspace::removed, this, &WorkspaceModel::onRemoved);
    connect(workspace, &workspace::Workspace::updated, this, &WorkspaceModel::onChanged);
    if (states)
        connect(states, &ConnectionStates::stateChanged, this, &WorkspaceModel::onChanged);
}

int WorkspaceModel::groupOf(const Connection &connection)
{
    return connection.kind == Connection::Kind::Agent ? Agents : McpServers;
}

QList<const Connection *> WorkspaceModel::members(int group) const
{
    QList<const Connection *> list;
    if (!m_workspace)
        return list;
    for (const Connection &c : m_workspace->connections()) {
        if (groupOf(c) == group)
            list.append(&c);
    }
    return list;
}

QModelIndex WorkspaceModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < 2 ? createIndex(row, 0, GroupId) : QModelIndex();
    if (parent.internalId() != GroupId || row >= members(parent.row()).size())
        return {};
    return createIndex(row, 0, quintptr(parent.row() + 1));
}

QModelIndex WorkspaceModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == GroupId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, GroupId);
}

int WorkspaceModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return 2;
    if (parent.column() != 0 || parent.internalId() != GroupId)
        return 0;
    return int(members(parent.row()).size());
}

int WorkspaceModel::columnCount(const QModelIndex &) const
{
    return 1;
}

Qt::ItemFlags WorkspaceModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return index.internalId() == GroupId ? Qt::ItemIsEnabled : Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QString WorkspaceModel::displayName(const Connection &c) const
{
    if (!c.name.isEmpty())
        return revealHiddenCharacters(c.name);
    if (m_states) {
        const auto &status = m_states->status(c.id);
        if (status.card && status.card->card && !status.card->card->name.isEmpty())
            return revealHiddenCharacters(status.card->card->name);
    }
    if (c.kind == Connection::Kind::McpServer && c.transport == QLatin1String("stdio"))
        return c.command;
    return c.url.host() + (c.url.port() > 0 ? QStringLiteral(":%1").arg(c.url.port()) : QString());
}

QVariant WorkspaceModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_workspace)
        return {};
    if (index.internalId() == GroupId) {
        const int count = int(members(index.row()).size());
        switch (role) {
        case Qt::DisplayRole:
            return index.row() == Agents ? tr("Agents (%1)").arg(count) : tr("MCP servers (%1)").arg(count);
        case Qt::FontRole: {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        case GroupRole: return index.row();
        case IdRole: return QString();
        default: return {};
        }
    }
    const QList<const Connection *> list = members(int(index.internalId() - 1));
    if (index.row() >= list.size())
        return {};
    const Connection &c = *list.at(index.row());
    const ConnectionStates::Status &status = m_states ? m_states->status(c.id) : ConnectionStates::Status();
    switch (role) {
    case Qt::DisplayRole:
        return displayName(c);
    case Qt::DecorationRole:
        return stateIcon(status.state);
    case Qt::ToolTipRole: {
        const QString where = c.kind == Connection::Kind::McpServer && c.transport == QLatin1String("stdio")
            ? (QStringList{c.command} + c.arguments).join(QLatin1Char(' '))
            : c.url.toDisplayString();
        QString tip = escapeForRichText(revealHiddenCharacters(displayName(c))) + QStringLiteral("<br>")
            + escapeForRichText(where) + QStringLiteral("<br>") + escapeForRichText(stateText(status.state));
        if (status.state == ConnectionStates::State::Error && !status.reason.isEmpty())
            tip += QStringLiteral(": ") + escapeForRichText(revealHiddenCharacters(status.reason));
        return tip;
    }
    case IdRole: return c.id;
    case StateRole: return int(status.state);
    case GroupRole: return groupOf(c);
    default: return {};
    }
}

QModelIndex WorkspaceModel::indexOf(const QString &id) const
{
    for (int group : {Agents, McpServers}) {
        const QList<const Connection *> list = members(group);
        for (qsizetype row = 0; row < list.size(); ++row) {
            if (list.at(row)->id == id)
                return index(int(row), 0, index(group, 0));
        }
    }
    return {};
}

void WorkspaceModel::onAboutToAdd(const Connection &connection)
{
    const int group = groupOf(connection);
    const int row = int(members(group).size()); // the workspace appends
    beginInsertRows(index(group, 0), row, row);
}

void WorkspaceModel::onAdded()
{
    endInsertRows();
    for (int group : {Agents, McpServers}) {
        const QModelIndex g = index(group, 0);
        emit dataChanged(g, g, {Qt::DisplayRole});
    }
}

void WorkspaceModel::onAboutToRemove(const QString &id)
{
    const QModelIndex i = indexOf(id);
    if (!i.isValid())
        return;
    m_removing = true;
    beginRemoveRows(i.parent(), i.row(), i.row());
}

void WorkspaceModel::onRemoved()
{
    if (!std::exchange(m_removing, false))
        return;
    endRemoveRows();
    for (int group : {Agents, McpServers}) {
        const QModelIndex g = index(group, 0);
        emit dataChanged(g, g, {Qt::DisplayRole});
    }
}

void WorkspaceModel::onChanged(const QString &id)
{
    const QModelIndex i = indexOf(id);
    if (i.isValid())
        emit dataChanged(i, i);
}

} // namespace crosstalk::ui
