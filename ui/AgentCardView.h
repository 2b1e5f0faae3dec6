#pragma once

#include "a2a/AgentCard.h"
#include "a2a/CardDiff.h"
#include "a2a/CardDiscovery.h"
#include "a2a/CardSignature.h"
#include "a2a/CardValidator.h"
#include "util/JsonLayout.h"

#include <QPointer>
#include <QThreadPool>
#include <QWidget>

class QLabel;
class QTreeWidget;
class QPlainTextEdit;
class QTabWidget;
class QVBoxLayout;

namespace crosstalk::http {
class HttpClient;
}

namespace crosstalk::ui {

/// An agent's card for people: the header (icon, name, provider, version,
/// protocol badge), its interfaces and capabilities, skills as cards (an
/// example clicked is offered to the composer), security schemes and
/// requirements, the signature verdict, the validation issues (one clicked
/// selects its place in the raw JSON) and the raw JSON, highlighted.
///
/// Every text from the card is shown as plain text, hidden characters made
/// visible and flagged where they stand. Validating and laying out the JSON
/// run on a worker thread; the icon (https or data: only) is fetched without
/// credentials.
class AgentCardView : public QWidget
{
    Q_OBJECT

public:
    explicit AgentCardView(QWidget *parent = nullptr);
    ~AgentCardView() override;

    /// Shows a card that was read (`fetch.card` set).
    void showCard(const a2a::CardFetch &fetch);
    const QList<a2a::CardIssue> &issues() const { return m_issues; }
    /// Selects the place a JSON pointer names in the raw JSON.
    void selectPointer(const QString &pointer);
    /// Shows what the authenticated extended card changes in the public one
    /// (its own tab), or why it could not be read.
    void showExtendedCard(const QList<a2a::CardChange> &changes, const QString &error = {});
    /// The rows of the extended card's tab, as "kind path", for tests.
    QStringList extendedCardRows() const;

    /// The largest icon fetched.
    static constexpr qint64 MaxIconBytes = 1024 * 1024;

signals:
    /// A skill's example was clicked: the composer takes it.
    void exampleChosen(const QString &text);
    /// The worker finished validating and laying out the shown card.
    void analysed();
    /// The person wants to sign in with the card's security schemes.
    void signInRequested();

private:
    void buildOverview(const a2a::AgentCard &card, const QUrl &cardUrl);
    void onAnalysed(quint64 generation, const QList<a2a::CardIssue> &issues, const JsonLayout &layout);
    void onSignature(const a2a::SignatureCheck &check);
    void loadIcon(const QString &iconUrl, quint64 generation);
    void setIcon(quint64 generation, const QImage &image);

    QTabWidget *m_tabs = nullptr;
    QWidget *m_overview = nullptr;
    QVBoxLayout *m_overviewLayout = nullptr;
    QPointer<QLabel> m_iconLabel;      // rebuilt with each card
    QPointer<QLabel> m_signatureLabel;
    QTreeWidget *m_issuesList = nullptr;
    QTreeWidget *m_extendedList = nullptr;
    QPlainTextEdit *m_rawEdit = nullptr;
    a2a::CardSignatureVerifier *m_verifier = nullptr;
    http::HttpClient *m_iconClient = nullptr;
    QThreadPool m_pool;
    quint64 m_generation = 0;
    QList<a2a::CardIssue> m_issues;
    JsonLayout m_layout;
};

} // namespace crosstalk::ui
