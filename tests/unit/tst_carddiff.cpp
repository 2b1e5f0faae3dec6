// What the extended card changes, member by member.
#include "a2a/CardDiff.h"

#include <QTest>

using namespace crosstalk::a2a;
using nlohmann::json;

namespace {

QStringList lines(const QList<CardChange> &changes)
{
    QStringList out;
    for (const CardChange &c : changes)
        out.append(CardChange::kindName(c.kind) + u' ' + c.path);
    return out;
}

} // namespace

class TestCardDiff : public QObject
{
    Q_OBJECT

private slots:
    void sameCardsHaveNoChanges();
    void membersAndNamedElements();
    void positionalArrays();
    void limitAndDepth();
};

void TestCardDiff::sameCardsHaveNoChanges()
{
    const json card = json::parse(R"({"name": "a", "skills": [{"id": "x"}]})");
    QVERIFY(diffCards(card, card).isEmpty());
}

void TestCardDiff::membersAndNamedElements()
{
    const json before = json::parse(R"({
      "name": "a", "description": "public", "capabilities": {"streaming": true},
      "skills": [{"id": "echo", "name": "Echo", "tags": ["t"]}, {"id": "gone", "name": "Gone"}],
      "supportedInterfaces": [{"url": "https://a/rpc", "protocolBinding": "JSONRPC"}],
      "documentationUrl": "https://a/docs"
    })");
    const json after = json::parse(R"({
      "name": "a", "description": "extended", "capabilities": {"streaming": true, "pushNotifications": true},
      "skills": [{"id": "admin", "name": "Admin"}, {"id": "echo", "name": "Echo", "tags": ["t", "u"]}],
      "supportedInterfaces": [{"url": "https://a/rpc", "protocolBinding": "JSONRPC"}, {"url": "https://a/rest", "protocolBinding": "HTTP+JSON"}]
    })");
    const QList<CardChange> changes = diffCards(before, after);
    QCOMPARE(lines(changes), (QStringList{QStringLiteral("added capabilities.pushNotifications"), QStringLiteral("changed description"),
                                          QStringLiteral("removed documentationUrl"), QStringLiteral("added skills[id=echo].tags[1]"),
                                          QStringLiteral("removed skills[id=gone]"), QStringLiteral("added skills[id=admin]"),
                                          QStringLiteral("added supportedInterfaces[url=https://a/rest]")}));
    QCOMPARE(changes.at(1).before, json("public"));
    QCOMPARE(changes.at(1).after, json("extended"));
    QVERIFY(changes.at(2).after.is_null());
    QCOMPARE(changes.at(5).after.at("name"), json("Admin"));
}

void TestCardDiff::positionalArrays()
{
    // Elements without a distinct name are compared by position.
    const json before = json::parse(R"({"skills": [{"id": "a"}, {"id": "a"}], "defaultInputModes": ["text/plain"]})");
    const json after = json::parse(R"({"skills": [{"id": "a"}, {"id": "b"}], "defaultInputModes": ["application/json", "text/plain"]})");
    QCOMPARE(lines(diffCards(before, after)),
             (QStringList{QStringLiteral("changed defaultInputModes[0]"), QStringLiteral("added defaultInputModes[1]"),
                          QStringLiteral("changed skills[1].id")}));
    // A type change is one change.
    QCOMPARE(lines(diffCards(json::parse(R"({"x": [1]})"), json::parse(R"({"x": {"a": 1}})"))), QStringList{QStringLiteral("changed x")});
}

void TestCardDiff::limitAndDepth()
{
    json before = json::object();
    json after = json::object();
    for (int i = 0; i < 5000; ++i)
        after["m" + std::to_string(i)] = i;
    QCOMPARE(diffCards(before, after).size(), 1000);
    QCOMPARE(diffCards(before, after, 10).size(), 10);

    // Deep nesting ends in one change at the depth limit, not a stack overflow.
    json deepA = 1;
    json deepB = 2;
    for (int i = 0; i < 5000; ++i) {
        deepA = json{{"n", std::move(deepA)}};
        deepB = json{{"n", std::move(deepB)}};
    }
    const QList<CardChange> deep = diffCards(deepA, deepB);
    QCOMPARE(deep.size(), 1);
    QCOMPARE(deep.first().kind, CardChange::Kind::Changed);
    QVERIFY(deep.first().path.endsWith(QStringLiteral("…")));
    QVERIFY(deep.first().before.is_null() && deep.first().after.is_null());
    // A deep value added near the top is listed, but not copied.
    const QList<CardChange> added = diffCards(json::object(), json{{"deep", std::move(deepA)}});
    QCOMPARE(lines(added), QStringList{QStringLiteral("added deep")});
    QVERIFY(added.first().after.is_null());
}

QTEST_GUILESS_MAIN(TestCardDiff)
#include "tst_carddiff.moc"
