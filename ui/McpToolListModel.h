#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

namespace crosstalk::ui {

/// The tools of one MCP server, in the order it listed them. Display strings
/// are made when asked for: the title (else the name) with hidden characters
/// revealed; the name, the annotations as the server's claims and a warning
/// about hidden characters for the delegate and the search.
class McpToolListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        NameRole = Qt::UserRole + 1, ///< the tool's name as the server sent it
        BadgesRole,                  ///< QStringList: the annotation claims, in words
        HiddenRole,                  ///< bool: the name, title or description hides characters
        SearchRole,                  ///< name, title and description, for the search
    };

    explicit McpToolListModel(QObject *parent = nullptr);

    /// Replaces the tools (a tools/list result's `tools`, shared with the
    /// catalog, never copied). Items without a string name are left out.
    void setTools(std::shared_ptr<const nlohmann::json> tools);
    const nlohmann::json &tool(int row) const;
    int rowOf(const QString &name) const;

    /// The annotation claims of a tool in words ("read-only", "destructive",
    /// "idempotent", "open-world"; and their opposites when the server says
    /// so explicitly only for destructive and open-world).
    static QStringList badgesOf(const nlohmann::json &tool);
    /// The title to show: `title`, else `annotations.title`, else the name.
    static QString titleOf(const nlohmann::json &tool);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const nlohmann::json> m_tools;
    std::vector<const nlohmann::json *> m_rows; // into m_tools
    QHash<QString, int> m_rowOfName;
    QStringList m_search;
};

/// The search over a McpToolListModel: every word must appear in the name,
/// title or description, case-insensitively.
class McpToolFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setSearch(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_words;
};

} // namespace crosstalk::ui
