#include "AuthStepsView.h"

#include "PeerText.h"

#include <QHeaderView>
#include <QIcon>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace crosstalk::ui {

using auth::AuthStep;

namespace {

constexpr qsizetype MaxBodyShown = 64 * 1024;

QString headersText(const QList<traffic::HttpHeader> &headers)
{
    QString out;
    for (const traffic::HttpHeader &h : headers)
        out += QString::fromLatin1(h.name) + QStringLiteral(": ") + QString::fromUtf8(h.value) + u'\n';
    return out;
}

QString bodyText(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(MaxBodyShown));
    if (body.size() > MaxBodyShown)
        text += u'\n' + AuthStepsView::tr("(%1 more bytes not shown)").arg(body.size() - MaxBodyShown);
    return text;
}

} // namespace

AuthStepsView::AuthStepsView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_list = new QTreeWidget(splitter);
    m_list->setObjectName(QStringLiteral("authSteps"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Verdict"), tr("Step"), tr("Scheme"), tr("What happened"), tr("HTTP")});
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_details = new QPlainTextEdit(splitter);
    m_details->setObjectName(QStringLiteral("authStepDetails"));
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_details->setPlaceholderText(tr("Choose a step to see its request and response."));
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        showDetails(item ? m_list->indexOfTopLevelItem(item) : -1);
    });
}

QString AuthStepsView::verdictText(AuthStep::Verdict verdict)
{
    switch (verdict) {
    case AuthStep::Verdict::Ok:
        return tr("ok");
    case AuthStep::Verdict::Skipped:
        return tr("skipped");
    case AuthStep::Verdict::Failed:
        return tr("failed");
    case AuthStep::Verdict::Info:
        return tr("note");
    }
    return {};
}

QString AuthStepsView::kindText(AuthStep::Kind kind)
{
    switch (kind) {
    case AuthStep::Kind::Challenge:
        return tr("challenge");
    case AuthStep::Kind::Discovery:
        return tr("discovery");
    case AuthStep::Kind::Registration:
        return tr("registration");
    case AuthStep::Kind::Authorize:
        return tr("authorization");
    case AuthStep::Kind::Callback:
        return tr("callback");
    case AuthStep::Kind::Token:
        return tr("token");
    case AuthStep::Kind::Refresh:
        return tr("refresh");
    case AuthStep::Kind::Decision:
        return tr("decision");
    }
    return {};
}

void AuthStepsView::clear()
{
    m_steps.clear();
    m_list->clear();
    m_details->clear();
}

void AuthStepsView::setSteps(const QList<AuthStep> &steps)
{
    clear();
    for (const AuthStep &s : steps)
        addStep(s);
}

void AuthStepsView::addStep(const AuthStep &step)
{
    m_steps.append(step);
    auto *item = new QTreeWidgetItem(m_list, {verdictText(step.verdict), kindText(step.kind), revealHiddenCharacters(step.scheme),
                                              revealHiddenCharacters(step.title),
                                              step.status ? QString::number(step.status) : QString()});
    const char *icon = step.verdict == AuthStep::Verdict::Failed ? "dialog-error"
        : step.verdict == AuthStep::Verdict::Ok                 ? "emblem-ok"
        : step.verdict == AuthStep::Verdict::Skipped            ? "go-next"
                                                                : "dialog-information";
    item->setIcon(0, QIcon::fromTheme(QString::fromLatin1(icon)));
    if (step.verdict == AuthStep::Verdict::Failed) {
        item->setForeground(0, QColor(0xc6, 0x28, 0x28));
        m_list->setCurrentItem(item); // where it broke
    }
    // Tooltips are rich text: the detail is escaped.
    item->setToolTip(3, escapeForRichText(step.detail));
    for (int c : {0, 1, 2, 4})
        m_list->resizeColumnToContents(c);
}

void AuthStepsView::select(int row)
{
    if (QTreeWidgetItem *item = m_list->topLevelItem(row))
        m_list->setCurrentItem(item);
}

QString AuthStepsView::detailsText() const
{
    return m_details->toPlainText();
}

void AuthStepsView::showDetails(int row)
{
    if (row < 0 || row >= m_steps.size()) {
        m_details->clear();
        return;
    }
    const AuthStep &s = m_steps.at(row);
    QString text = QStringLiteral("%1 · %2").arg(verdictText(s.verdict), s.title);
    if (!s.scheme.isEmpty())
        text += QStringLiteral(" · ") + tr("scheme %1").arg(s.scheme);
    text += u'\n';
    if (s.time.isValid())
        text += s.time.toLocalTime().toString(Qt::ISODateWithMs) + u'\n';
    if (!s.detail.isEmpty())
        text += u'\n' + s.detail + u'\n';
    if (!s.url.isEmpty() || !s.method.isEmpty()) {
        text += u'\n' + tr("Request") + u'\n';
        text += QString::fromLatin1(s.method.isEmpty() ? QByteArray("GET") : s.method) + u' '
            + s.url.toString(QUrl::FullyEncoded) + u'\n';
        text += headersText(s.requestHeaders);
        if (!s.requestBody.isEmpty())
            text += u'\n' + bodyText(s.requestBody) + u'\n';
    }
    if (s.status || !s.responseHeaders.isEmpty()) {
        text += u'\n' + tr("Response") + u'\n';
        if (s.status)
            text += s.elapsedMs > 0 ? tr("HTTP %1, after %2 ms").arg(s.status).arg(s.elapsedMs) + u'\n'
                                    : tr("HTTP %1").arg(s.status) + u'\n';
        text += headersText(s.responseHeaders);
        if (!s.responseBody.isEmpty())
            text += u'\n' + bodyText(s.responseBody) + u'\n';
    }
    m_details->setPlainText(revealHiddenCharacters(text));
}

} // namespace crosstalk::ui
