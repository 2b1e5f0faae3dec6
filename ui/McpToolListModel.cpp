#include "McpToolListModel.h"

#include "PeerText.h"
#include "SearchWords.h"
#include "util/Utf8.h"

namespace crosstalk::ui {

namespace {

QString stringOf(const nlohmann::json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? utf8ToString(it->get_ref<const std::string &>()) : QString();
}

} // namespace

McpToolListModel::McpToolListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void McpToolListModel::setTools(std::shared_ptr<const nlohmann::json> tools)
{
    beginResetModel();
    m_tools = std::move(tools);
    m_rows.clear();
    m_rowOfName.clear();
    m_search.clear();
    if (m_tools && m_tools->is_array()) {
        m_rows.reserve(m_tools->size());
        m_search.reserve(qsizetype(m_tools->size()));
        for (const auto &tool : *m_tools) {
            if (!tool.is_object() || !tool.contains("name") || !tool["name"].is_string())
                continue;
            const QString name = stringOf(tool, "name");
            m_rowOfName.insert(name, int(m_rows.size())); // a repeated name finds the last
            m_rows.push_back(&tool);
            // Made once: the search runs over every tool at each keystroke.
            m_search.append(name + QLatin1Char('\n') + titleOf(tool) + QLatin1Char('\n')
                            + stringOf(tool, "description").left(4096));
        }
    }
    endResetModel();
}

const nlohmann::json &McpToolListModel::tool(int row) const
{
    static const nlohmann::json none = nlohmann::json::object();
    return row >= 0 && size_t(row) < m_rows.size() ? *m_rows[size_t(row)] : none;
}

int McpToolListModel::rowOf(const QString &name) const
{
    return m_rowOfName.value(name, -1);
}

QString McpToolListModel::titleOf(const nlohmann::json &tool)
{
    QString title = stringOf(tool, "title");
    if (title.isEmpty())
        title = stringOf(tool.value("annotations", nlohmann::json::object()), "title");
    return title.isEmpty() ? stringOf(tool, "name") : title;
}

QStringList McpToolListModel::badgesOf(const nlohmann::json &tool)
{
    QStringList badges;
    const auto it = tool.find("annotations");
    if (it == tool.end() || !it->is_object())
        return badges;
    const auto flag = [&](const char *key) -> std::optional<bool> {
        const auto f = it->find(key);
        if (f == it->end() || !f->is_boolean())
            return std::nullopt;
        return f->get<bool>();
    };
    if (flag("readOnlyHint").value_or(false))
        badges << tr("read-only");
    // A tool that is not read-only is destructive unless it says otherwise
    // (the spec's default), so only an explicit claim is shown.
    if (const auto destructive = flag("destructiveHint"); destructive && *destructive && !flag("readOnlyHint").value_or(false))
        badges << tr("destructive");
    if (flag("idempotentHint").value_or(false))
        badges << tr("idempotent");
    if (flag("openWorldHint").value_or(false))
        badges << tr("open-world");
    return badges;
}

int McpToolListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant McpToolListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const nlohmann::json &t = *m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return revealHiddenCharacters(titleOf(t));
    case Qt::ToolTipRole:
        return peerToolTip(stringOf(t, "description").left(2000));
    case NameRole:
        return stringOf(t, "name");
    case BadgesRole:
        return badgesOf(t);
    case HiddenRole:
        return hasHiddenCharacters(stringOf(t, "name")) || hasHiddenCharacters(titleOf(t))
            || hasHiddenCharacters(stringOf(t, "description"));
    case SearchRole:
        return m_search.at(index.row());
    default:
        return {};
    }
}

void McpToolFilterModel::setSearch(const QString &text)
{
    const QStringList words = searchWords(text);
    if (words == m_words)
        return;
    m_words = words;
    invalidateFilter();
}

bool McpToolFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    return containsAllWords(sourceModel()->index(sourceRow, 0, sourceParent).data(McpToolListModel::SearchRole).toString(), m_words);
}

} // namespace crosstalk::ui
