#include "TerminalAnswers.h"

#include "CliSupport.h"

#include "schema/SchemaValidator.h"
#include "util/HiddenText.h"
#include "util/JsonFields.h"
#include "util/Utf8.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QUrl>

#include <memory>

namespace crosstalk::cli {

using nlohmann::json;
using Verdict = TerminalPrompter::Verdict;

namespace {

QString peer(const QString &text)
{
    return terminalSafe(text);
}

struct Choice
{
    json value;
    QString label;
};

/// The values a select offers: `enum`, or `oneOf`/`anyOf` of `const` with titles.
QList<Choice> choicesOf(const json &schema)
{
    QList<Choice> choices;
    if (const json *values = json_fields::member(schema, "enum"); values && values->is_array()) {
        for (const json &v : *values)
            choices.append({v, v.is_string() ? utf8ToString(v.get_ref<const std::string &>()) : utf8ToString(v.dump())});
        return choices;
    }
    for (const char *key : {"oneOf", "anyOf"}) {
        const json *options = json_fields::member(schema, key);
        if (!options || !options->is_array())
            continue;
        for (const json &option : *options) {
            const json *value = json_fields::member(option, "const");
            if (!value)
                return {};
            const QString title = json_fields::text(option, "title");
            choices.append({*value, title.isEmpty() ? utf8ToString(value->dump()) : title});
        }
        return choices;
    }
    return choices;
}

std::optional<json> pick(const QList<Choice> &choices, const QString &text)
{
    bool number = false;
    const int n = text.toInt(&number);
    if (number && n >= 1 && n <= choices.size())
        return choices.at(n - 1).value;
    for (const Choice &c : choices) {
        if (c.label.compare(text, Qt::CaseInsensitive) == 0
            || (c.value.is_string() && utf8ToString(c.value.get_ref<const std::string &>()) == text))
            return c.value;
    }
    return std::nullopt;
}

QString typeOf(const json &schema)
{
    return json_fields::text(schema, "type");
}

QString choiceList(const QList<Choice> &choices)
{
    QStringList shown;
    for (qsizetype i = 0; i < choices.size(); ++i)
        shown.append(QStringLiteral("%1) %2").arg(i + 1).arg(peer(choices.at(i).label)));
    return shown.join(QStringLiteral("  "));
}

} // namespace

QString TerminalAnswers::describe(const json &schema)
{
    if (typeOf(schema) == QLatin1String("array")) {
        const json *items = json_fields::member(schema, "items");
        if (items && !choicesOf(*items).isEmpty())
            return tr("one or more, separated by commas");
        return tr("a list, separated by commas");
    }
    if (!choicesOf(schema).isEmpty())
        return tr("a number or a value");
    const QString format = json_fields::text(schema, "format");
    const QString type = typeOf(schema);
    if (type == QLatin1String("boolean"))
        return tr("yes or no");
    return format.isEmpty() ? type : type + QLatin1Char(' ') + format;
}

std::optional<json> TerminalAnswers::parseField(const json &property, const QString &input, QString *why)
{
    const QString text = input.trimmed();
    const QString type = typeOf(property);
    std::optional<json> value;
    if (type == QLatin1String("array")) {
        const json *items = json_fields::member(property, "items");
        const QList<Choice> choices = items ? choicesOf(*items) : QList<Choice>();
        json list = json::array();
        for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString one = part.trimmed();
            if (!choices.isEmpty()) {
                const std::optional<json> chosen = pick(choices, one);
                if (!chosen) {
                    *why = tr("“%1” is not one of the choices.").arg(one);
                    return std::nullopt;
                }
                list.push_back(*chosen);
            } else {
                list.push_back(one.toStdString());
            }
        }
        value = std::move(list);
    } else if (const QList<Choice> choices = choicesOf(property); !choices.isEmpty()) {
        value = pick(choices, text);
        if (!value) {
            *why = tr("Choose one of the numbers shown.");
            return std::nullopt;
        }
    } else if (type == QLatin1String("boolean")) {
        static const QStringList yes{QStringLiteral("y"), QStringLiteral("yes"), QStringLiteral("true"), QStringLiteral("1"),
                                     QStringLiteral("j"), QStringLiteral("ja")};
        static const QStringList no{QStringLiteral("n"), QStringLiteral("no"), QStringLiteral("false"), QStringLiteral("0"),
                                    QStringLiteral("nein")};
        if (yes.contains(text.toLower()))
            value = true;
        else if (no.contains(text.toLower()))
            value = false;
        else {
            *why = tr("Answer yes or no.");
            return std::nullopt;
        }
    } else if (type == QLatin1String("integer")) {
        bool ok = false;
        const qlonglong n = text.toLongLong(&ok);
        if (!ok) {
            *why = tr("“%1” is not a whole number.").arg(text);
            return std::nullopt;
        }
        value = n;
    } else if (type == QLatin1String("number")) {
        bool ok = false;
        const double n = text.toDouble(&ok);
        if (!ok) {
            *why = tr("“%1” is not a number.").arg(text);
            return std::nullopt;
        }
        value = n;
    } else if (type == QLatin1String("string") || type.isEmpty()) {
        value = input.toStdString();
    } else {
        const QByteArray utf8 = text.toUtf8();
        json parsed = json::parse(utf8.constBegin(), utf8.constEnd(), nullptr, false);
        if (parsed.is_discarded()) {
            *why = tr("Type the value as JSON.");
            return std::nullopt;
        }
        value = std::move(parsed);
    }
    const schema::SchemaCheck check = schema::validate(property, *value);
    if (check.verdict == schema::SchemaCheck::Verdict::Invalid) {
        *why = check.problems.isEmpty() ? tr("The value does not fit the field.") : check.problems.first().message;
        return std::nullopt;
    }
    return value;
}

TerminalPrompter::Conversation TerminalAnswers::elicitationForm(const json &params, Reply reply)
{
    TerminalPrompter::Conversation c;
    c.preamble = tr("The server asks for input: %1").arg(peer(json_fields::text(params, "message")));
    auto content = std::make_shared<json>(json::object());
    c.steps.push_back({tr("Answer it? [a]ccept, [d]ecline or [c]ancel: "), [reply](const QString &line) {
                           const QString a = line.trimmed().toLower();
                           if (a == QLatin1String("a") || a == QLatin1String("accept"))
                               return Verdict::Next;
                           if (a == QLatin1String("d") || a == QLatin1String("decline") || a == QLatin1String("c")
                               || a == QLatin1String("cancel")) {
                               reply(json{{"action", a.startsWith(QLatin1Char('d')) ? "decline" : "cancel"}});
                               return Verdict::Stop;
                           }
                           return Verdict::Again;
                       }});
    const json *schema = json_fields::member(params, "requestedSchema");
    const json *properties = schema ? json_fields::member(*schema, "properties") : nullptr;
    const QStringList required = schema ? json_fields::texts(*schema, "required") : QStringList();
    if (properties && properties->is_object()) {
        for (auto it = properties->begin(); it != properties->end(); ++it) {
            const std::string name = it.key();
            const json property = it.value();
            const QString label = json_fields::text(property, "title").isEmpty() ? utf8ToString(name)
                                                                                   : json_fields::text(property, "title");
            const bool isRequired = required.contains(utf8ToString(name));
            QString question = QStringLiteral("  ") + peer(label) + (isRequired ? tr(" (required)") : QString());
            if (const QString help = json_fields::text(property, "description"); !help.isEmpty())
                question += QStringLiteral(" – ") + peer(help);
            const json *items = json_fields::member(property, "items");
            const QList<Choice> choices = choicesOf(items ? *items : property);
            if (!choices.isEmpty())
                question += QStringLiteral("\n    ") + choiceList(choices);
            const json *fallback = json_fields::member(property, "default");
            question += QStringLiteral("\n    ") + describe(property);
            if (fallback)
                question += QStringLiteral(" [") + peer(utf8ToString(fallback->dump())) + QLatin1Char(']');
            question += QStringLiteral(": ");
            c.steps.push_back({question, [content, name, property, isRequired](const QString &line) {
                                   if (line.trimmed().isEmpty()) {
                                       if (const json *d = json_fields::member(property, "default")) {
                                           (*content)[name] = *d;
                                           return Verdict::Next;
                                       }
                                       if (!isRequired)
                                           return Verdict::Next;
                                       err() << tr("    An answer is required.") << Qt::endl;
                                       return Verdict::Again;
                                   }
                                   QString why;
                                   const std::optional<json> value = parseField(property, line, &why);
                                   if (!value) {
                                       err() << QStringLiteral("    ") << why << Qt::endl;
                                       return Verdict::Again;
                                   }
                                   (*content)[name] = *value;
                                   return Verdict::Next;
                               }});
        }
    }
    c.done = [reply, content] { reply(json{{"action", "accept"}, {"content", *content}}); };
    c.noAnswer = [reply] { reply(json{{"action", "decline"}}); };
    return c;
}

TerminalPrompter::Conversation TerminalAnswers::elicitationUrl(const json &params, std::function<void(const QString &url)> open, Reply reply)
{
    const QString url = json_fields::text(params, "url");
    TerminalPrompter::Conversation c;
    c.preamble = tr("The server asks you to open a page: %1\n  URL: %2\n  Domain: %3")
                     .arg(peer(json_fields::text(params, "message")), peer(url), peer(QUrl(url).host()));
    c.steps.push_back({tr("Open it and accept? [y]es, [n]o (decline) or [c]ancel: "), [reply, url, open](const QString &line) {
                           const QString a = line.trimmed().toLower();
                           if (a == QLatin1String("y") || a == QLatin1String("yes") || a == QLatin1String("j")) {
                               open(url);
                               reply(json{{"action", "accept"}});
                           } else if (a == QLatin1String("n") || a == QLatin1String("no")) {
                               reply(json{{"action", "decline"}});
                           } else if (a == QLatin1String("c") || a == QLatin1String("cancel")) {
                               reply(json{{"action", "cancel"}});
                           } else {
                               return Verdict::Again;
                           }
                           return Verdict::Stop;
                       }});
    c.noAnswer = [reply] { reply(json{{"action", "decline"}}); };
    return c;
}

TerminalPrompter::Conversation TerminalAnswers::sampling(const json &params, Reply reply, Refuse refuse)
{
    TerminalPrompter::Conversation c;
    QStringList shown{tr("The server asks for a model's reply (sampling). The conversation so far:")};
    if (const QString system = json_fields::text(params, "systemPrompt"); !system.isEmpty())
        shown.append(tr("  system: %1").arg(peer(system)));
    if (const json *messages = json_fields::member(params, "messages"); messages && messages->is_array()) {
        for (const json &m : *messages) {
            const json *content = json_fields::member(m, "content");
            QStringList parts;
            for (const json &part : content && content->is_array() ? *content : json::array({content ? *content : json()})) {
                parts.append(json_fields::text(part, "type") == QLatin1String("text")
                                 ? peer(json_fields::text(part, "text"))
                                 : QStringLiteral("[%1]").arg(peer(json_fields::text(part, "type"))));
            }
            shown.append(QStringLiteral("  %1: %2").arg(peer(json_fields::text(m, "role")), parts.join(QLatin1Char(' '))));
        }
    }
    c.preamble = shown.join(QLatin1Char('\n'));
    const auto decline = [refuse] {
        refuse(jsonrpc::ErrorObject{-1, QStringLiteral("The person at the terminal declined the sampling request."),
                                    std::nullopt});
    };
    c.steps.push_back({tr("Reply as the model (an empty line declines): "), [reply, decline](const QString &line) {
                           if (line.trimmed().isEmpty())
                               decline();
                           else
                               reply(json{{"role", "assistant"},
                                          {"content", {{"type", "text"}, {"text", line.toStdString()}}},
                                          {"model", "crosstalk-cli (typed at the terminal)"},
                                          {"stopReason", "endTurn"}});
                           return Verdict::Stop;
                       }});
    c.noAnswer = decline;
    return c;
}

TerminalPrompter::Conversation TerminalAnswers::roots(Reply reply)
{
    TerminalPrompter::Conversation c;
    c.preamble = tr("The server asks for roots: the folders it may work in.");
    auto gathered = std::make_shared<json>(json::array());
    c.steps.push_back({tr("A folder (path or file: URI; an empty line ends the list): "), [gathered](const QString &line) {
                           const QString text = line.trimmed();
                           if (text.isEmpty())
                               return Verdict::Next;
                           const QUrl url = text.startsWith(QLatin1String("file:"))
                               ? QUrl(text)
                               : QUrl::fromLocalFile(QFileInfo(text).absoluteFilePath());
                           if (!url.isValid() || !url.isLocalFile()) {
                               err() << tr("    “%1” is neither a path nor a file: URI.").arg(text) << Qt::endl;
                               return Verdict::Again;
                           }
                           gathered->push_back({{"uri", url.toString(QUrl::FullyEncoded).toStdString()},
                                                {"name", QFileInfo(url.toLocalFile()).fileName().toStdString()}});
                           return Verdict::Again;
                       }});
    c.done = [reply, gathered] { reply(json{{"roots", *gathered}}); };
    c.noAnswer = c.done;
    return c;
}

} // namespace crosstalk::cli
