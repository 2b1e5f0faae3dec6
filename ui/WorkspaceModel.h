#pragma once

#include "workspace/ConnectionStates.h"
#include "workspace/Workspace.h"

#include <QAbstractItemModel>
#include <QPointer>

namespace crosstalk::ui {

/// The workspace's connections for the sidebar: two groups, agents and MCP
/// servers, each connection with its live state (a coloured mark, and the
/// reason of an error in its tooltip). Peer text (a card's name) is shown
/// with hidden characters made visible, and tooltips are escaped.
class WorkspaceModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Group { Agents = 0, McpServers = 1 };
    enum Role {
        IdRole = Qt::UserRole + 1, ///< the connection's id (empty for a group)
        StateRole,                 ///< workspace::ConnectionStates::State as int
        GroupRole,                 ///< Group
    };

    WorkspaceModel(workspace::Workspace *workspace, workspace::ConnectionStates *states, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    /// The index of a connection, or an invalid one.
    QModelIndex indexOf(const QString &id) const;
    /// What the sidebar calls a connection: its name, else its card's name,
    /// else its address.
    QString displayName(const workspace::Connection &connection) const;

private:
    QList<const workspace::Connection *> members(int group) const;
    static int groupOf(const workspace::Connection &connection);
    void onAboutToAdd(const workspace::Connection &connection);
    void onAdded();
    void onAboutToRemove(const QString &id);
    void onRemoved();
    void onChanged(const QString &id);

    QPointer<workspace::Workspace> m_workspace;
    QPointer<workspace::ConnectionStates> m_states;
    bool m_removing = false;
};

} // namespace crosstalk::ui
