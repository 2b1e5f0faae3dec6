#include "A2aTaskCommand.h"

#include "CliSupport.h"

#include "http/HttpClient.h"
#include "util/BoundedJson.h"
#include "util/HiddenText.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QTimer>
#include <QUuid>

namespace crosstalk::cli {

using nlohmann::json;
using namespace crosstalk::a2a;

namespace {

void writeParts(JsonWriter &out, const QList<Part> &parts)
{
    out.beginArray();
    for (const Part &p : parts)
        p.writeJson(out);
    out.endArray();
}

QString partsText(const QList<Part> &parts)
{
    QStringList out;
    for (const Part &p : parts) {
        switch (p.kind) {
        case Part::Kind::Text:
            out << p.textString();
            break;
        case Part::Kind::File:
            out << QStringLiteral("[file %1 %2]").arg(p.name, p.mediaType);
            break;
        case Part::Kind::Data:
            out << QString::fromStdString(p.data.dump());
            break;
        }
    }
    return terminalSafe(out.join(QLatin1Char(' ')));
}

} // namespace

A2aTaskCommand::A2aTaskCommand(Verb verb, QObject *parent)
    : QObject(parent)
    , m_verb(verb)
    , m_http(new http::HttpClient(this))
    , m_discovery(new CardDiscovery(m_http, this))
{
    connect(m_discovery, &CardDiscovery::finished, this, &A2aTaskCommand::onCard);
}

void A2aTaskCommand::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON: one object per line."));
    const QCommandLineOption timeout = timeoutOption();
    const QCommandLineOption bindingOption(QStringLiteral("binding"), tr("jsonrpc or http-json (default: the card's preference)."),
                                           QStringLiteral("binding"));
    const QCommandLineOption versionOption(QStringLiteral("a2a-version"), tr("1.0 or 0.3 (default: the card's newest)."),
                                           QStringLiteral("version"));
    const QCommandLineOption headerOption(QStringLiteral("header"), tr("An extra header, \"Name: value\"; may repeat."),
                                          QStringLiteral("header"));
    const QCommandLineOption streamOption(QStringLiteral("stream"), tr("Stream the task's progress."));
    const QCommandLineOption pushOption(QStringLiteral("push"),
                                        tr("Register a webhook on 127.0.0.1 for the task's push notifications and "
                                           "report what arrives there until the task ends."));
    const QCommandLineOption taskOption(QStringLiteral("task"), tr("Continue this task (after input-required)."), QStringLiteral("id"));
    const QCommandLineOption contextOption(QStringLiteral("context"), tr("Send within this context."), QStringLiteral("id"));
    const QCommandLineOption dataOption(QStringLiteral("data"), tr("Add a data part (JSON)."), QStringLiteral("json"));
    const QCommandLineOption fileOption(QStringLiteral("file"), tr("Add a file part."), QStringLiteral("path"));
    const QCommandLineOption historyOption(QStringLiteral("history"), tr("How many messages of history to ask for."),
                                           QStringLiteral("n"));
    const QCommandLineOption credential = credentialOption();
    parser.addOptions({jsonOption, timeout, bindingOption, versionOption, headerOption, credential});

    QString usage;
    switch (m_verb) {
    case Verb::Send:
        parser.setApplicationDescription(tr("Send a message to an agent and follow the task it starts."));
        parser.addOptions({streamOption, pushOption, taskOption, contextOption, dataOption, fileOption});
        parser.addPositionalArgument(QStringLiteral("URL"), tr("The agent's base URL or its card URL."));
        parser.addPositionalArgument(QStringLiteral("TEXT"), tr("The message text."));
        break;
    case Verb::Get:
        parser.setApplicationDescription(tr("Show a task."));
        parser.addOption(historyOption);
        parser.addPositionalArgument(QStringLiteral("URL"), tr("The agent's base URL or its card URL."));
        parser.addPositionalArgument(QStringLiteral("TASK_ID"), tr("The task's id."));
        break;
    case Verb::List:
        parser.setApplicationDescription(tr("List the agent's tasks (A2A v1.0)."));
        parser.addPositionalArgument(QStringLiteral("URL"), tr("The agent's base URL or its card URL."));
        break;
    case Verb::Cancel:
        parser.setApplicationDescription(tr("Cancel a task."));
        parser.addPositionalArgument(QStringLiteral("URL"), tr("The agent's base URL or its card URL."));
        parser.addPositionalArgument(QStringLiteral("TASK_ID"), tr("The task's id."));
        break;
    case Verb::Subscribe:
        parser.setApplicationDescription(tr("Follow a running task's progress."));
        parser.addPositionalArgument(QStringLiteral("URL"), tr("The agent's base URL or its card URL."));
        parser.addPositionalArgument(QStringLiteral("TASK_ID"), tr("The task's id."));
        break;
    }
    if (!parser.parse(arguments)) {
        fail(parser.errorText());
        return finish(UsageError);
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return finish(Success);
    }
    const QStringList positional = parser.positionalArguments();
    const int wanted = m_verb == Verb::List ? 1 : 2;
    if (positional.size() != wanted) {
        fail(tr("This command takes %n argument(s); see --help.", nullptr, wanted));
        return finish(UsageError);
    }
    m_json = parser.isSet(jsonOption);
    m_timeoutMs = timeoutMs(parser, timeout);
    if (m_timeoutMs < 0)
        return finish(UsageError);
    m_options.timeoutMs = m_timeoutMs;
    if (parser.isSet(bindingOption)) {
        const QString b = parser.value(bindingOption);
        if (b == QLatin1String("jsonrpc"))
            m_options.binding = Binding::JsonRpc;
        else if (b == QLatin1String("http-json"))
            m_options.binding = Binding::HttpJson;
        else {
            fail(tr("--binding takes jsonrpc or http-json, not '%1'.").arg(terminalSafe(b)));
            return finish(UsageError);
        }
    }
    if (parser.isSet(versionOption)) {
        const QString v = parser.value(versionOption);
        if (v == QLatin1String("1.0"))
            m_options.version = ProtocolVersion::V1_0;
        else if (v == QLatin1String("0.3"))
            m_options.version = ProtocolVersion::V0_3;
        else {
            fail(tr("--a2a-version takes 1.0 or 0.3, not '%1'.").arg(terminalSafe(v)));
            return finish(UsageError);
        }
    }
    for (const QString &h : parser.values(headerOption)) {
        const qsizetype colon = h.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            fail(tr("--header takes \"Name: value\", not '%1'.").arg(terminalSafe(h)));
            return finish(UsageError);
        }
        m_options.headers.emplaceBack(h.left(colon).trimmed().toUtf8(), h.mid(colon + 1).trimmed().toUtf8());
    }
    if (m_verb == Verb::Get && parser.isSet(historyOption)) {
        bool ok = false;
        const int n = parser.value(historyOption).toInt(&ok);
        if (!ok || n < 0) {
            fail(tr("--history takes a number of messages, not '%1'.").arg(terminalSafe(parser.value(historyOption))));
            return finish(UsageError);
        }
        m_history = n;
    }
    if (m_verb == Verb::Send) {
        m_stream = parser.isSet(streamOption);
        m_push = parser.isSet(pushOption);
        m_message.messageId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_message.role = Role::User;
        m_message.taskId = parser.value(taskOption);
        m_message.contextId = parser.value(contextOption);
        Part text;
        text.text = positional.at(1).toUtf8();
        m_message.parts.append(text);
        if (parser.isSet(dataOption)) {
            JsonReadError error;
            const QByteArray bytes = parser.value(dataOption).toUtf8();
            std::optional<json> data = readJson(bytes, 64, &error);
            if (!data) {
                fail(tr("--data is not JSON (at byte %1: %2).").arg(error.offset).arg(error.detail));
                return finish(UsageError);
            }
            Part part;
            part.kind = Part::Kind::Data;
            part.data = std::move(*data);
            m_message.parts.append(part);
        }
        if (parser.isSet(fileOption)) {
            QFile file(parser.value(fileOption));
            if (!file.open(QIODevice::ReadOnly)) {
                fail(tr("--file %1 cannot be read: %2").arg(file.fileName(), file.errorString()));
                return finish(UsageError);
            }
            Part part;
            part.kind = Part::Kind::File;
            part.name = QFileInfo(file).fileName();
            part.mediaType = QMimeDatabase().mimeTypeForFile(QFileInfo(file)).name();
            part.bytes = file.readAll().toBase64();
            m_message.parts.append(part);
        }
    } else if (m_verb != Verb::List) {
        m_taskId = positional.at(1);
    }
    const std::optional<QUrl> url = agentUrl(positional.first());
    if (!url)
        return finish(UsageError);
    if (!parser.isSet(credential)) {
        m_discovery->fetch(*url, m_timeoutMs);
        return;
    }
    // The credential goes with every call to the agent (not with the public
    // card), marked as one: redacted, and never carried to another origin.
    withCredential(
        this, parser.value(credential), true,
        [this, url = *url](const auth::Credential &found) {
            const auto header = found.header();
            m_http->addCredentialHeader(header->first);
            m_options.headers.append(*header);
            m_discovery->fetch(url, m_timeoutMs);
        },
        [this](int code) { finish(code); });
}

void A2aTaskCommand::onCard(const CardFetch &fetch)
{
    if (!fetch.ok()) {
        fail(terminalSafe(fetch.message));
        const bool unreachable = fetch.error == CardFetch::Error::Network || fetch.error == CardFetch::Error::Timeout;
        return finish(unreachable ? Unreachable : ProtocolError);
    }
    m_client = new A2aClient(m_http, *fetch.card, m_options, this);
    if (!m_client->setupError().isEmpty()) {
        fail(terminalSafe(m_client->setupError()));
        return finish(ProtocolError);
    }
    run();
}

void A2aTaskCommand::run()
{
    if (m_verb == Verb::Send || m_verb == Verb::Subscribe) {
        TaskSession::Options options;
        options.stream = m_verb == Verb::Subscribe || m_stream;
        options.silenceTimeoutMs = m_timeoutMs;
        if (m_push) {
            auto *receiver = new WebhookReceiver(this);
            QString error;
            if (!receiver->listen(&error)) {
                fail(error);
                return finish(Unreachable);
            }
            options.send.pushUrl = receiver->url().toString(QUrl::FullyEncoded);
            options.send.pushToken = receiver->token();
            m_receiver = receiver;
        }
        m_session = new TaskSession(m_client, options, this);
        if (m_receiver)
            m_session->attachReceiver(m_receiver);
        if (options.stream || m_push) {
            connect(m_session, &TaskSession::itemReceived, this, [this](const StreamItem &item, EventSource source) {
                // Without --stream only what the webhook receives is reported as it comes.
                if (m_stream || m_verb == Verb::Subscribe || source == EventSource::Push)
                    printItem(item, source);
            });
        }
        connect(m_session, &TaskSession::finished, this, [this](const A2aError &error) {
            if (!error.ok() && !(m_session->tracker() && !m_session->tracker()->events().isEmpty()))
                return finishWith(error);
            if (!error.ok())
                fail(terminalSafe(error.message));
            if (m_session->reply() && !m_session->tracker()) {
                if (!m_stream)
                    printItem(StreamItem(*m_session->reply()), m_lastSource);
                return finish(Success);
            }
            TaskTracker *tracker = m_session->tracker();
            printEnd(*tracker, m_lastSource);
            finish(error.ok() ? codeForState(tracker->state()) : (error.kind == A2aError::Kind::Unreachable ? Unreachable : ProtocolError));
        });
        if (m_verb == Verb::Subscribe)
            m_session->follow(m_taskId);
        else
            m_session->start(m_message);
        return;
    }

    A2aCall *call = nullptr;
    switch (m_verb) {
    case Verb::Get: call = m_client->getTask(m_taskId, m_history); break;
    case Verb::Cancel: call = m_client->cancelTask(m_taskId); break;
    case Verb::List: call = m_client->listTasks(); break;
    default: break;
    }
    connect(call, &A2aCall::itemReceived, this, [this](const StreamItem &item) {
        if (const auto *task = std::get_if<Task>(&item))
            printTask(*task, EventSource::Response);
    });
    connect(call, &A2aCall::finished, this, [this](const A2aError &error, const json &result) {
        if (!error.ok())
            return finishWith(error);
        if (m_verb == Verb::List) {
            json tasks = json::array();
            QString problem;
            if (result.is_object() && result.contains("tasks") && result.at("tasks").is_array()) {
                for (const json &t : result.at("tasks")) {
                    if (const auto task = readTask(t, &problem)) {
                        tasks.push_back({{"taskId", toJson(task->id)},
                                         {"contextId", toJson(task->contextId)},
                                         {"state", toJson(taskStateName(task->status.state))}});
                    }
                }
            }
            if (m_json) {
                printJsonLine({{"tasks", tasks}});
            } else {
                for (const json &t : tasks)
                    out() << terminalSafe(QString::fromStdString(t.at("taskId").get<std::string>())) << ' '
                          << QString::fromStdString(t.at("state").get<std::string>()) << '\n';
                out().flush();
            }
            return finish(Success);
        }
        // get and cancel printed the task as it came; the code says how it ended.
        QString problem;
        const auto item = readStreamItem(result, &problem);
        const auto *task = item ? std::get_if<Task>(&*item) : nullptr;
        if (!task) {
            fail(tr("The agent's answer is not a task: %1").arg(terminalSafe(problem)));
            return finish(ProtocolError);
        }
        finish(m_verb == Verb::Get ? codeForState(task->status.state) : Success);
    });
}

void A2aTaskCommand::printItem(const StreamItem &item, EventSource source)
{
    m_lastSource = source;
    const QString src = eventSourceName(source);
    // Lines are written member by member, in the order of their names (as
    // a JSON library would sort them): a stream can bring a hundred thousand.
    if (const auto *task = std::get_if<Task>(&item)) {
        if (m_json) {
            JsonLine line;
            line.beginObject().key("contextId").string(task->contextId).key("event").string(QByteArrayView("task"));
            line.key("source").string(src).key("state").string(taskStateName(task->status.state));
            line.key("taskId").string(task->id).endObject();
            line.end();
        } else
            out() << tr("task %1 %2").arg(terminalSafe(task->id), taskStateName(task->status.state)) << Qt::endl;
    } else if (const auto *message = std::get_if<Message>(&item)) {
        if (m_json) {
            JsonLine line;
            line.beginObject();
            if (!message->contextId.isEmpty())
                line.key("contextId").string(message->contextId);
            line.key("event").string(QByteArrayView("message")).key("parts");
            writeParts(line, message->parts);
            line.key("source").string(src);
            if (!message->taskId.isEmpty())
                line.key("taskId").string(message->taskId);
            line.endObject();
            line.end();
        } else {
            out() << tr("message: %1").arg(partsText(message->parts)) << Qt::endl;
        }
    } else if (const auto *status = std::get_if<StatusUpdate>(&item)) {
        if (m_json) {
            JsonLine line;
            line.beginObject().key("event").string(QByteArrayView("status"));
            if (status->status.message) {
                line.key("message").beginObject().key("parts");
                writeParts(line, status->status.message->parts);
                line.endObject();
            }
            line.key("source").string(src).key("state").string(taskStateName(status->status.state));
            line.key("taskId").string(status->taskId).endObject();
            line.end();
        } else {
            out() << tr("status %1").arg(taskStateName(status->status.state));
            if (status->status.message)
                out() << QStringLiteral(": ") << partsText(status->status.message->parts);
            out() << Qt::endl;
        }
    } else if (const auto *chunk = std::get_if<ArtifactUpdate>(&item)) {
        if (m_json) {
            JsonLine line;
            line.beginObject().key("append").boolean(chunk->append).key("artifactId").string(chunk->artifact.artifactId);
            line.key("event").string(QByteArrayView("artifact")).key("lastChunk").boolean(chunk->lastChunk).key("parts");
            writeParts(line, chunk->artifact.parts);
            line.key("source").string(src).key("taskId").string(chunk->taskId).endObject();
            line.end();
        } else
            out() << tr("artifact %1: %2").arg(terminalSafe(chunk->artifact.artifactId), partsText(chunk->artifact.parts))
                  << Qt::endl;
    }
}

void A2aTaskCommand::printEnd(const TaskTracker &tracker, EventSource source)
{
    if (m_json) {
        // Written piece by piece: the assembled artifacts can be many
        // megabytes, and one JSON value for all of them would hold them again.
        JsonLine line;
        line.beginObject().key("artifacts").beginArray();
        for (const Artifact &a : tracker.artifacts())
            a.writeJson(line);
        line.endArray().key("contextId").string(tracker.contextId()).key("event").string(QByteArrayView("end"));
        line.key("source").string(eventSourceName(source)).key("state").string(taskStateName(tracker.state()));
        line.key("taskId").string(tracker.taskId()).endObject();
        line.end();
        return;
    }
    out() << tr("task %1 ended %2").arg(terminalSafe(tracker.taskId()), taskStateName(tracker.state())) << Qt::endl;
    for (const Artifact &a : tracker.artifacts())
        out() << QStringLiteral("  ") << terminalSafe(a.artifactId) << QStringLiteral(": ") << partsText(a.parts) << Qt::endl;
    for (const QString &issue : tracker.issues())
        err() << tr("protocol issue: %1").arg(terminalSafe(issue)) << Qt::endl;
}

void A2aTaskCommand::printTask(const Task &task, EventSource source)
{
    if (m_json) {
        JsonLine line;
        line.beginObject().key("artifacts").beginArray();
        for (const Artifact &a : task.artifacts)
            a.writeJson(line);
        line.endArray().key("contextId").string(task.contextId).key("event").string(QByteArrayView("end"));
        line.key("source").string(eventSourceName(source)).key("state").string(taskStateName(task.status.state));
        line.key("taskId").string(task.id).endObject();
        line.end();
        return;
    }
    out() << tr("task %1 %2").arg(terminalSafe(task.id), taskStateName(task.status.state)) << Qt::endl;
    for (const Artifact &a : task.artifacts)
        out() << QStringLiteral("  ") << terminalSafe(a.artifactId) << QStringLiteral(": ") << partsText(a.parts) << Qt::endl;
}

int A2aTaskCommand::codeForState(TaskState state) const
{
    return state == TaskState::Failed || state == TaskState::Canceled || state == TaskState::Rejected ? TaskUnsuccessful
                                                                                                       : Success;
}

void A2aTaskCommand::finishWith(const A2aError &error)
{
    fail(terminalSafe(error.message));
    finish(error.kind == A2aError::Kind::Unreachable ? Unreachable : ProtocolError);
}

void A2aTaskCommand::finish(int code)
{
    exitSoon(code);
}

} // namespace crosstalk::cli
