#include "A2aCalls.h"

#include <QTest>
#include <QUuid>

namespace crosstalk::test {

A2aOutcome waitFor(a2a::A2aCall *call, int timeoutMs)
{
    A2aOutcome o;
    QObject::connect(call, &a2a::A2aCall::itemReceived, call, [&o](const a2a::StreamItem &item) { o.items.append(item); });
    QObject::connect(call, &a2a::A2aCall::finished, call, [&o](const a2a::A2aError &e, const nlohmann::json &r) {
        o.error = e;
        o.result = r;
        o.finished = true;
    });
    if (!QTest::qWaitFor([&] { return o.finished; }, timeoutMs))
        o.error.message = QStringLiteral("the call did not finish");
    return o;
}

a2a::Message userText(const QString &text)
{
    a2a::Message m;
    m.messageId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m.role = a2a::Role::User;
    a2a::Part p;
    p.text = text.toUtf8();
    m.parts.append(p);
    return m;
}

} // namespace crosstalk::test
