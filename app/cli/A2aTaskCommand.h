#pragma once

#include "a2a/A2aClient.h"
#include "a2a/CardDiscovery.h"
#include "a2a/TaskSession.h"

#include <QCommandLineParser>
#include <QObject>

namespace crosstalk::http {
class HttpClient;
}

namespace crosstalk::cli {

/// `crosstalk-cli a2a send|get|list|cancel|subscribe URL ...`: finds the
/// agent's card, speaks to it in the generation and binding it prefers (or
/// the ones asked for), and prints what happens; with --json one object per
/// line, whatever the protocol version. Ends the application with the exit
/// code.
class A2aTaskCommand : public QObject
{
    Q_OBJECT

public:
    enum class Verb { Send, Get, List, Cancel, Subscribe };
    explicit A2aTaskCommand(Verb verb, QObject *parent = nullptr);
    void start(const QStringList &arguments);

private:
    void onCard(const a2a::CardFetch &fetch);
    void run();
    void printItem(const a2a::StreamItem &item, a2a::EventSource source);
    void printEnd(const a2a::TaskTracker &tracker, a2a::EventSource source);
    void printTask(const a2a::Task &task, a2a::EventSource source);
    void finishWith(const a2a::A2aError &error);
    int codeForState(a2a::TaskState state) const;
    void finish(int code);

    Verb m_verb;
    http::HttpClient *m_http;
    a2a::CardDiscovery *m_discovery;
    a2a::A2aClient *m_client = nullptr;
    a2a::TaskSession *m_session = nullptr;
    bool m_json = false;
    bool m_stream = false;
    bool m_push = false;
    a2a::WebhookReceiver *m_receiver = nullptr;
    qint64 m_timeoutMs = 30'000;
    a2a::A2aClient::Options m_options;
    QString m_taskId;
    QString m_contextId;
    std::optional<int> m_history;
    a2a::Message m_message;
    a2a::EventSource m_lastSource = a2a::EventSource::Response;
};

} // namespace crosstalk::cli
