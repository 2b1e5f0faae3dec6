#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace crosstalk::mcp {

/// RFC 6570 URI Templates, levels 1 to 4: the form resource templates use
/// (`file:///{path}`, `demo://resource/{id}`, `{+base}{/segments*}{?q,lang}`).
/// Hand-written: Debian has no C++ library for it, and the whole algorithm
/// is a table of eight operators (RFC 6570 appendix A).
class UriTemplate
{
    Q_DECLARE_TR_FUNCTIONS(UriTemplate)

public:
    explicit UriTemplate(QString text);

    /// Whether the template parsed; error() says where it did not.
    bool isValid() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    /// The variable names, in order of first appearance (for a form).
    QStringList variables() const;

    /// Expands with `values` (a JSON object: strings, numbers, booleans,
    /// arrays as lists, objects as associative arrays; null or absent means
    /// undefined). An invalid template expands to an empty string.
    QString expand(const nlohmann::json &values) const;

private:
    struct VarSpec
    {
        QString name;
        bool explode = false;
        int prefix = 0; // 0: none
    };
    struct Part
    {
        QString literal;  // when op is 0 and vars empty
        QChar op;         // '\0' for simple expressions
        QList<VarSpec> vars;
        bool expression = false;
    };

    QString m_text;
    QString m_error;
    QList<Part> m_parts;
};

} // namespace crosstalk::mcp
