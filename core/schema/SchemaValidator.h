#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

namespace crosstalk::schema {

/// One place where a value breaks its schema.
struct SchemaProblem
{
    QString pointer; ///< JSON pointer into the value ("" for the value itself)
    QString message;
};

struct SchemaCheck
{
    enum class Verdict { Valid, Invalid, Unchecked };
    Verdict verdict = Verdict::Unchecked;
    QList<SchemaProblem> problems;  ///< for Invalid
    QString whyUnchecked;           ///< for Unchecked
};

/// Checks `value` against a JSON Schema from a peer (a tool's inputSchema or
/// outputSchema) with valijson. A schema that cannot be used (malformed, or
/// one that points at a network document: such a `$ref` is never fetched)
/// gives Unchecked with the reason, not a failure.
SchemaCheck validate(const nlohmann::json &schema, const nlohmann::json &value);

} // namespace crosstalk::schema
