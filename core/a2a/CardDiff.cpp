#include "a2a/CardDiff.h"

#include "util/Utf8.h"

#include <set>
#include <vector>

namespace crosstalk::a2a {

using nlohmann::json;

namespace {

constexpr int MaxDepth = 64;

/// Whether every element of `array` is an object with `key` as a string,
/// no two the same.
bool namesItself(const json &array, const char *key)
{
    std::set<std::string> seen;
    for (const json &e : array) {
        if (!e.is_object())
            return false;
        const auto it = e.find(key);
        if (it == e.end() || !it->is_string() || !seen.insert(it->get_ref<const std::string &>()).second)
            return false;
    }
    return true;
}

/// The member that names each element of two arrays of objects, if any.
const char *identityOf(const json &a, const json &b)
{
    if (a.empty() && b.empty())
        return nullptr;
    for (const char *key : {"id", "url", "uri", "name"}) {
        if (namesItself(a, key) && namesItself(b, key))
            return key;
    }
    return nullptr;
}

/// Whether `value` nests deeper than `limit` levels (found without recursion).
bool deeperThan(const json &value, int limit)
{
    std::vector<std::pair<const json *, int>> stack{{&value, 0}};
    while (!stack.empty()) {
        const auto [v, depth] = stack.back();
        stack.pop_back();
        if (!v->is_structured())
            continue;
        if (depth >= limit)
            return true;
        for (const json &child : *v)
            stack.emplace_back(&child, depth + 1);
    }
    return false;
}

/// A value to keep in a change: nothing when it nests too deeply to copy safely.
json kept(const json &value)
{
    return deeperThan(value, MaxDepth) ? json() : value;
}

struct Differ
{
    QList<CardChange> changes;
    qsizetype limit;

    bool full() const { return changes.size() >= limit; }

    void add(CardChange::Kind kind, const QString &path, const json &before, const json &after)
    {
        if (full())
            return;
        changes.append(CardChange{kind, path, kept(before), kept(after)});
    }

    static QString member(const QString &path, const std::string &key)
    {
        const QString name = utf8ToString(key);
        return path.isEmpty() ? name : path + u'.' + name;
    }

    void diff(const json &a, const json &b, const QString &path, int depth)
    {
        if (full())
            return;
        if (!a.is_structured() || !b.is_structured()) {
            if (a != b) // a scalar on one side at least: no deep comparison
                add(CardChange::Kind::Changed, path, a, b);
            return;
        }
        if (depth >= MaxDepth) {
            // Deeper than any card: not compared further, and not kept.
            add(CardChange::Kind::Changed, path + QStringLiteral("…"), nullptr, nullptr);
            return;
        }
        if (a.is_object() && b.is_object()) {
            for (auto it = a.begin(); it != a.end(); ++it) {
                const QString where = member(path, it.key());
                if (auto other = b.find(it.key()); other != b.end())
                    diff(it.value(), *other, where, depth + 1);
                else
                    add(CardChange::Kind::Removed, where, it.value(), nullptr);
            }
            for (auto it = b.begin(); it != b.end(); ++it) {
                if (!a.contains(it.key()))
                    add(CardChange::Kind::Added, member(path, it.key()), nullptr, it.value());
            }
            return;
        }
        if (a.is_array() && b.is_array()) {
            if (const char *key = identityOf(a, b)) {
                const auto find = [key](const json &array, const json &name) -> const json * {
                    for (const json &e : array) {
                        if (e.at(key) == name)
                            return &e;
                    }
                    return nullptr;
                };
                for (const json &e : a) {
                    const QString where = QStringLiteral("%1[%2=%3]").arg(path, QLatin1String(key), utf8ToString(e.at(key).get_ref<const std::string &>()));
                    if (const json *other = find(b, e.at(key)))
                        diff(e, *other, where, depth + 1);
                    else
                        add(CardChange::Kind::Removed, where, e, nullptr);
                }
                for (const json &e : b) {
                    if (!find(a, e.at(key)))
                        add(CardChange::Kind::Added,
                            QStringLiteral("%1[%2=%3]").arg(path, QLatin1String(key), utf8ToString(e.at(key).get_ref<const std::string &>())),
                            nullptr, e);
                }
                return;
            }
            const std::size_t common = std::min(a.size(), b.size());
            for (std::size_t i = 0; i < common; ++i)
                diff(a[i], b[i], QStringLiteral("%1[%2]").arg(path).arg(i), depth + 1);
            for (std::size_t i = common; i < a.size(); ++i)
                add(CardChange::Kind::Removed, QStringLiteral("%1[%2]").arg(path).arg(i), a[i], nullptr);
            for (std::size_t i = common; i < b.size(); ++i)
                add(CardChange::Kind::Added, QStringLiteral("%1[%2]").arg(path).arg(i), nullptr, b[i]);
            return;
        }
        add(CardChange::Kind::Changed, path, a, b);
    }
};

} // namespace

QString CardChange::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Added:
        return QStringLiteral("added");
    case Kind::Removed:
        return QStringLiteral("removed");
    case Kind::Changed:
        return QStringLiteral("changed");
    }
    return {};
}

QList<CardChange> diffCards(const json &publicCard, const json &extendedCard, qsizetype limit)
{
    Differ differ{{}, limit};
    differ.diff(publicCard, extendedCard, QString(), 0);
    return differ.changes;
}

} // namespace crosstalk::a2a
