#include "mcp/UriTemplate.h"

#include "util/Utf8.h"

#include <algorithm>
#include <cctype>

namespace crosstalk::mcp {

using nlohmann::json;

namespace {

struct Operator
{
    const char *first;
    const char *separator;
    bool named;
    const char *ifEmpty;
    bool allowReserved;
};

Operator operatorFor(QChar op)
{
    switch (op.unicode()) {
    case '+':
        return {"", ",", false, "", true};
    case '.':
        return {".", ".", false, "", false};
    case '/':
        return {"/", "/", false, "", false};
    case ';':
        return {";", ";", true, "", false};
    case '?':
        return {"?", "&", true, "=", false};
    case '&':
        return {"&", "&", true, "=", false};
    case '#':
        return {"#", ",", false, "", true};
    default:
        return {"", ",", false, "", false};
    }
}

bool isUnreserved(uchar c)
{
    return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

bool isReserved(uchar c)
{
    return QByteArrayView(":/?#[]@!$&'()*+,;=").contains(char(c));
}

bool isHex(uchar c)
{
    return std::isxdigit(c);
}

/// Percent-encodes the UTF-8 of `text`; with `allowReserved`, reserved
/// characters and existing %XX triplets pass unchanged.
QString encode(const QString &text, bool allowReserved)
{
    const QByteArray utf8 = text.toUtf8();
    QString out;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const uchar c = uchar(utf8.at(i));
        if (isUnreserved(c) || (allowReserved && isReserved(c))) {
            out += QLatin1Char(char(c));
        } else if (allowReserved && c == '%' && i + 2 < utf8.size() && isHex(uchar(utf8.at(i + 1))) && isHex(uchar(utf8.at(i + 2)))) {
            out += QLatin1Char('%');
        } else {
            out += QStringLiteral("%%1").arg(int(c), 2, 16, QLatin1Char('0')).toUpper();
        }
    }
    return out;
}

QString scalarText(const json &value)
{
    if (value.is_string())
        return utf8ToString(value.get_ref<const std::string &>());
    if (value.is_boolean())
        return value.get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
    return QString::fromStdString(value.dump());
}

bool isVarChar(QChar c)
{
    return (c.unicode() < 0x80 && (std::isalnum(int(c.unicode())) || c == QLatin1Char('_') || c == QLatin1Char('.')))
        || c == QLatin1Char('%');
}

} // namespace

UriTemplate::UriTemplate(QString text)
    : m_text(std::move(text))
{
    qsizetype i = 0;
    QString literal;
    while (i < m_text.size()) {
        const QChar c = m_text.at(i);
        if (c == QLatin1Char('}')) {
            m_error = tr("A “}” without its “{” at character %1.").arg(i + 1);
            return;
        }
        if (c != QLatin1Char('{')) {
            literal += c;
            ++i;
            continue;
        }
        const qsizetype close = m_text.indexOf(QLatin1Char('}'), i);
        if (close < 0) {
            m_error = tr("The expression at character %1 is not closed.").arg(i + 1);
            return;
        }
        if (!literal.isEmpty()) {
            m_parts.append({literal, QChar(), {}, false});
            literal.clear();
        }
        QString body = m_text.mid(i + 1, close - i - 1);
        Part part;
        part.expression = true;
        if (!body.isEmpty() && QStringLiteral("+#./;?&").contains(body.front())) {
            part.op = body.front();
            body.remove(0, 1);
        } else if (!body.isEmpty() && QStringLiteral("=,!@|").contains(body.front())) {
            m_error = tr("The operator “%1” at character %2 is reserved for future use.").arg(body.front()).arg(i + 2);
            return;
        }
        for (const QString &spec : body.split(QLatin1Char(','))) {
            VarSpec var;
            QString name = spec;
            if (name.endsWith(QLatin1Char('*'))) {
                var.explode = true;
                name.chop(1);
            } else if (const qsizetype colon = name.indexOf(QLatin1Char(':')); colon >= 0) {
                bool ok = false;
                var.prefix = name.mid(colon + 1).toInt(&ok);
                if (!ok || var.prefix <= 0 || var.prefix >= 10000) {
                    m_error = tr("The prefix in “%1” is not a number from 1 to 9999.").arg(spec);
                    return;
                }
                name = name.left(colon);
            }
            if (name.isEmpty() || !std::all_of(name.cbegin(), name.cend(), isVarChar)) {
                m_error = tr("“%1” in the expression at character %2 is not a variable name.").arg(spec).arg(i + 1);
                return;
            }
            var.name = name;
            part.vars.append(var);
        }
        m_parts.append(part);
        i = close + 1;
    }
    if (!literal.isEmpty())
        m_parts.append({literal, QChar(), {}, false});
}

QStringList UriTemplate::variables() const
{
    QStringList names;
    for (const Part &part : m_parts) {
        for (const VarSpec &var : part.vars) {
            if (!names.contains(var.name))
                names.append(var.name);
        }
    }
    return names;
}

QString UriTemplate::expand(const json &values) const
{
    if (!isValid())
        return {};
    QString out;
    for (const Part &part : m_parts) {
        if (!part.expression) {
            out += encode(part.literal, true);
            continue;
        }
        const Operator op = operatorFor(part.op);
        bool first = true;
        for (const VarSpec &var : part.vars) {
            const std::string key = var.name.toStdString();
            if (!values.is_object() || !values.contains(key))
                continue;
            const json &value = values.at(key);
            if (value.is_null() || (value.is_array() && value.empty()) || (value.is_object() && value.empty()))
                continue; // undefined
            out += QLatin1String(first ? op.first : op.separator);
            first = false;
            const QString name = var.name;
            if (!value.is_array() && !value.is_object()) {
                QString text = scalarText(value);
                if (var.prefix > 0) {
                    // The prefix counts characters, not bytes or UTF-16 units.
                    const QList<uint> codePoints = text.toUcs4();
                    if (codePoints.size() > var.prefix)
                        text = QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.constData()), var.prefix);
                }
                if (op.named) {
                    out += name;
                    out += text.isEmpty() ? QLatin1String(op.ifEmpty) : QLatin1String("=");
                }
                out += encode(text, op.allowReserved);
                continue;
            }
            QStringList items;
            if (!var.explode) {
                if (value.is_array()) {
                    for (const json &item : value)
                        items.append(encode(scalarText(item), op.allowReserved));
                } else {
                    for (auto it = value.begin(); it != value.end(); ++it)
                        items << encode(utf8ToString(it.key()), op.allowReserved) << encode(scalarText(*it), op.allowReserved);
                }
                if (op.named)
                    out += name + QLatin1Char('=');
                out += items.join(QLatin1Char(','));
                continue;
            }
            const auto pair = [&](const QString &k, const QString &v) {
                return v.isEmpty() ? QString(k + QLatin1String(op.ifEmpty)) : QString(k + QLatin1Char('=') + v);
            };
            if (value.is_array()) {
                for (const json &item : value) {
                    const QString text = encode(scalarText(item), op.allowReserved);
                    items.append(op.named ? pair(name, text) : text);
                }
            } else {
                for (auto it = value.begin(); it != value.end(); ++it)
                    items.append(pair(encode(utf8ToString(it.key()), op.allowReserved), encode(scalarText(*it), op.allowReserved)));
            }
            out += items.join(QLatin1String(op.separator));
        }
    }
    return out;
}

} // namespace crosstalk::mcp
