// The Agent Card view: a hostile card's markup and hidden characters shown
// literally with warnings, validation issues that select their place in the
// raw JSON, skills' examples offered to the composer, and the JSON layout
// behind it.
#include "AgentCardView.h"
#include "util/JsonLayout.h"

#include <QLabel>
#include <QTreeWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

using namespace crosstalk;
using nlohmann::json;

namespace {

json hostileCard()
{
    return json{
        {"name", "<img src=https://evil.example/x.png>Helpful\u202Eagent"},
        {"description", "<a href=\"https://evil.example/\">click me</a> and <b>bold</b>"},
        {"version", "1.2.3"},
        {"provider", {{"organization", "Evil Corp"}, {"url", "https://evil.example"}}},
        {"supportedInterfaces", {{{"url", "http://127.0.0.1:4000/a2a/jsonrpc"}, {"protocolBinding", "JSONRPC"}, {"protocolVersion", "1.0"}}}},
        {"capabilities", {{"streaming", true}}},
        {"defaultInputModes", {"text/plain"}},
        {"defaultOutputModes", {"text/plain"}},
        {"skills", {{{"id", "greet"}, {"name", "Greeting"}, {"description", "Says hello."}, {"tags", {"<i>tag</i>"}},
                     {"examples", {"Say hello to Ada", "Wave\u200B"}}}}},
    };
}

a2a::CardFetch fetchOf(const json &card)
{
    return a2a::CardDiscovery::parse(QByteArray::fromStdString(card.dump()),
                                     QUrl(QStringLiteral("http://127.0.0.1:4000/.well-known/agent-card.json")));
}

} // namespace

class TestAgentCardView : public QObject
{
    Q_OBJECT

private slots:
    void layoutKnowsWhereEachValueIs();
    void hostileTextIsShownLiterally();
    void issueSelectsItsPlace();
    void exampleGoesToTheComposer();
};

void TestAgentCardView::layoutKnowsWhereEachValueIs()
{
    const json doc{{"a", {1, {{"b", "x\ny"}}}}, {"c", nullptr}};
    const JsonLayout layout = JsonLayout::of(doc);
    QCOMPARE(layout.text, QString::fromStdString(doc.dump(2)));
    const JsonLayout::Span b = layout.spanOf(QStringLiteral("/a/1/b"));
    QCOMPARE(layout.text.mid(b.start, b.end - b.start), QStringLiteral("\"x\\ny\""));
    QCOMPARE(layout.text.mid(b.keyStart, 3), QStringLiteral("\"b\""));
    QCOMPARE(layout.pointerAt(b.start + 1), QStringLiteral("/a/1/b"));
    QCOMPARE(layout.pointerAt(layout.spanOf(QStringLiteral("/a/0")).start), QStringLiteral("/a/0"));
    // An unknown place falls back to its nearest known ancestor.
    QCOMPARE(layout.spanOf(QStringLiteral("/a/1/zzz")).start, layout.spanOf(QStringLiteral("/a/1")).start);
    QCOMPARE(layout.spanOf(QString()).end, layout.text.size());
    // Bidi controls and zero-width characters are written as escapes, so
    // they cannot reorder what is shown.
    const JsonLayout hidden = JsonLayout::of(json{{"n\u200Bame", "abc\u202Edef"}});
    QVERIFY2(hidden.text.contains(QLatin1String("\"n\\u200bame\": \"abc\\u202edef\"")), qPrintable(hidden.text));
    QCOMPARE(json::parse(hidden.text.toStdString()), (json{{"n\u200Bame", "abc\u202Edef"}}));
}

void TestAgentCardView::hostileTextIsShownLiterally()
{
    ui::AgentCardView view;
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showCard(fetchOf(hostileCard()));

    bool sawName = false;
    bool sawDescription = false;
    const QList<QLabel *> labels = view.findChildren<QLabel *>();
    for (QLabel *label : labels) {
        // No label renders rich text from the card.
        if (label->text().contains(QLatin1Char('<')))
            QCOMPARE(label->textFormat(), Qt::PlainText);
        if (label->text().contains(QLatin1String("<img src=https://evil.example/x.png>Helpful"))) {
            sawName = true;
            QVERIFY2(label->text().contains(QLatin1String("U+202E")), qPrintable(label->text()));
        }
        if (label->text().contains(QLatin1String("<a href=\"https://evil.example/\">click me</a>")))
            sawDescription = true;
    }
    QVERIFY(sawName);
    QVERIFY(sawDescription);
    QVERIFY(!view.findChildren<QLabel *>(QStringLiteral("hiddenCharactersWarning")).isEmpty());

    QSignalSpy analysed(&view, &ui::AgentCardView::analysed);
    QVERIFY(analysed.wait(5000));
    // The validator flags the hidden characters too.
    bool hiddenIssue = false;
    for (const a2a::CardIssue &issue : view.issues())
        hiddenIssue = hiddenIssue || issue.pointer == QLatin1String("/name");
    QVERIFY(hiddenIssue);
}

void TestAgentCardView::issueSelectsItsPlace()
{
    ui::AgentCardView view;
    QSignalSpy analysed(&view, &ui::AgentCardView::analysed);
    json card = hostileCard();
    card["skills"][0]["tags"] = 5; // not a list: an error at /skills/0/tags
    view.showCard(fetchOf(card));
    QVERIFY(analysed.wait(5000));
    auto *issues = view.findChild<QTreeWidget *>(QStringLiteral("issuesList"));
    QTreeWidgetItem *tagsIssue = nullptr;
    for (int i = 0; i < issues->topLevelItemCount(); ++i) {
        if (issues->topLevelItem(i)->data(0, Qt::UserRole).toString() == QLatin1String("/skills/0/tags"))
            tagsIssue = issues->topLevelItem(i);
    }
    QVERIFY(tagsIssue);
    issues->setCurrentItem(tagsIssue);
    emit issues->itemClicked(tagsIssue, 2);
    auto *raw = view.findChild<QPlainTextEdit *>(QStringLiteral("rawJsonEdit"));
    QCOMPARE(view.findChild<QTabWidget *>(QStringLiteral("cardTabs"))->currentWidget(), raw);
    QCOMPARE(raw->textCursor().selectedText(), QStringLiteral("\"tags\": 5"));
    // For people to look at: CROSSTALK_SCREENSHOT_DIR keeps pictures.
    if (const QString dir = qEnvironmentVariable("CROSSTALK_SCREENSHOT_DIR"); !dir.isEmpty()) {
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.grab().save(dir + QStringLiteral("/card-raw-json.png")));
        view.findChild<QTabWidget *>(QStringLiteral("cardTabs"))->setCurrentIndex(1);
        QVERIFY(view.grab().save(dir + QStringLiteral("/card-issues.png")));
        view.findChild<QTabWidget *>(QStringLiteral("cardTabs"))->setCurrentIndex(0);
        QVERIFY(view.grab().save(dir + QStringLiteral("/card-hostile.png")));
    }
}

void TestAgentCardView::exampleGoesToTheComposer()
{
    ui::AgentCardView view;
    view.showCard(fetchOf(hostileCard()));
    QSignalSpy chosen(&view, &ui::AgentCardView::exampleChosen);
    const QList<QToolButton *> examples = view.findChildren<QToolButton *>(QStringLiteral("exampleButton"));
    QCOMPARE(examples.size(), 2);
    QVERIFY(examples.at(1)->text().contains(QLatin1String("U+200B"))); // shown visibly
    examples.at(0)->click();
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().at(0).toString(), QStringLiteral("Say hello to Ada"));
}

QTEST_MAIN(TestAgentCardView)
#include "tst_agentcardview.moc"
