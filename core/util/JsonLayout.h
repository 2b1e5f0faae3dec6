#pragma once

#include <QHash>
#include <QString>

#include <nlohmann/json.hpp>

namespace crosstalk {

/// JSON pretty-printed for people, with where each value stands in the text,
/// so a view can select the spot a JSON pointer names (a validation issue's
/// place) and tell the pointer of a spot clicked.
struct JsonLayout
{
    QString text;
    struct Span
    {
        qsizetype start = 0; ///< QString index of the value's first character
        qsizetype end = 0;   ///< one past its last character
        qsizetype keyStart = -1; ///< the member name's opening quote, for object members
    };
    /// JSON pointer ("" for the whole document) → its value's place.
    QHash<QString, Span> spans;

    /// Lays `value` out with `indent` spaces per level (members in the order
    /// the json object holds them). Strings are written as JSON writes them,
    /// so control characters stay escaped, and characters that hide or
    /// reorder text (bidi controls, zero-width characters) are escaped as
    /// \uXXXX too.
    static JsonLayout of(const nlohmann::json &value, int indent = 2);
    /// The deepest pointer whose value holds `position` ("" when none does).
    QString pointerAt(qsizetype position) const;
    /// The place of `pointer`, or of its nearest ancestor that has one.
    Span spanOf(const QString &pointer) const;
};

} // namespace crosstalk
