#pragma once

#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

namespace crosstalk::a2a {

/// One difference between two versions of an Agent Card.
struct CardChange
{
    enum class Kind { Added, Removed, Changed };
    Kind kind = Kind::Changed;
    /// Where, for people: "skills[id=admin]", "capabilities.streaming",
    /// "supportedInterfaces[2].url".
    QString path;
    nlohmann::json before; ///< null when added
    nlohmann::json after;  ///< null when removed

    static QString kindName(Kind kind);
};

/// What the authenticated extended card adds to, removes from or changes in
/// the public card, member by member. Arrays of objects that name themselves
/// (skills by `id`, interfaces by `url`, extensions by `uri`) are matched by
/// that name, others by position. At most `limit` changes are listed;
/// below 64 levels nothing is compared (one change says so), and values
/// nested deeper than that are not kept in a change (null).
QList<CardChange> diffCards(const nlohmann::json &publicCard, const nlohmann::json &extendedCard, qsizetype limit = 1000);

} // namespace crosstalk::a2a
