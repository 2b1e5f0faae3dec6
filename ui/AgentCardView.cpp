#include "AgentCardView.h"

#include "JsonHighlighter.h"
#include "PeerText.h"
#include "http/HttpClient.h"

#include <QFontDatabase>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QImage>
#include <QImageReader>
#include <QBuffer>
#include <QLabel>
#include <QHeaderView>
#include <QTreeWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

namespace crosstalk::ui {

using a2a::AgentCard;

namespace {

/// A label for text from the card: plain text, hidden characters shown.
QLabel *peerLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(parent);
    setPeerText(label, text);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

/// The peer text, and beside it a warning when it hides characters.
void addPeerText(QBoxLayout *layout, const QString &text, QWidget *parent, const QFont *font = nullptr)
{
    QLabel *label = peerLabel(text, parent);
    if (font)
        label->setFont(*font);
    layout->addWidget(label);
    if (hasHiddenCharacters(text)) {
        auto *warning = new QLabel(AgentCardView::tr("⚠ This text holds hidden characters that change how it reads; "
                                                     "they are shown as ⟦U+…⟧."),
                                   parent);
        warning->setObjectName(QStringLiteral("hiddenCharactersWarning"));
        warning->setTextFormat(Qt::PlainText);
        warning->setWordWrap(true);
        QPalette p = warning->palette();
        p.setColor(QPalette::WindowText, QColor(0xb2, 0x6a, 0x00));
        warning->setPalette(p);
        layout->addWidget(warning);
    }
}

QLabel *badge(const QString &text, const QColor &background, QWidget *parent, bool peerText = false)
{
    auto *label = new QLabel(parent);
    if (peerText)
        setPeerText(label, text);
    else {
        label->setTextFormat(Qt::PlainText);
        label->setText(text);
    }
    label->setObjectName(QStringLiteral("badge"));
    label->setStyleSheet(QStringLiteral("QLabel { background: %1; color: #202020; border-radius: 7px; padding: 1px 7px; }")
                             .arg(background.name()));
    return label;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    QFont f = label->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.1);
    label->setFont(f);
    label->setContentsMargins(0, 10, 0, 2);
    return label;
}

/// A row of badges that wraps by being a plain row (cards have few).
QHBoxLayout *badgeRow()
{
    auto *row = new QHBoxLayout;
    row->setSpacing(6);
    return row;
}

/// What stands for an agent without an icon (or until its icon arrives):
/// its initial on a colour taken from its name.
QPixmap initialsIcon(const QString &name)
{
    QPixmap pixmap(48, 48);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor color = QColor::fromHsv(int(qHash(name) % 360), 90, 200);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(0, 0, 48, 48), 10, 10);
    QFont f = painter.font();
    f.setPixelSize(26);
    f.setBold(true);
    painter.setFont(f);
    painter.setPen(Qt::white);
    const QString trimmed = name.trimmed();
    painter.drawText(QRectF(0, 0, 48, 48), Qt::AlignCenter, trimmed.isEmpty() ? QStringLiteral("?") : trimmed.left(1).toUpper());
    return pixmap;
}

QString versionText(a2a::ProtocolVersion v)
{
    switch (v) {
    case a2a::ProtocolVersion::V1_0: return QStringLiteral("A2A 1.0");
    case a2a::ProtocolVersion::V0_3: return QStringLiteral("A2A 0.3");
    case a2a::ProtocolVersion::V0_2: return QStringLiteral("A2A 0.2");
    default: return AgentCardView::tr("A2A version unknown");
    }
}

QString schemeText(const a2a::SecurityScheme &s)
{
    switch (s.type) {
    case a2a::SecurityScheme::Type::ApiKey:
        return AgentCardView::tr("API key in the %1 “%2”").arg(s.location, s.parameterName);
    case a2a::SecurityScheme::Type::Http:
        return s.bearerFormat.isEmpty() ? AgentCardView::tr("HTTP %1").arg(s.httpScheme)
                                        : AgentCardView::tr("HTTP %1 (%2)").arg(s.httpScheme, s.bearerFormat);
    case a2a::SecurityScheme::Type::OAuth2: return AgentCardView::tr("OAuth 2");
    case a2a::SecurityScheme::Type::OpenIdConnect: return AgentCardView::tr("OpenID Connect: %1").arg(s.openIdConnectUrl);
    case a2a::SecurityScheme::Type::MutualTls: return AgentCardView::tr("Mutual TLS");
    case a2a::SecurityScheme::Type::Unknown: break;
    }
    return AgentCardView::tr("unknown scheme");
}

} // namespace

AgentCardView::AgentCardView(QWidget *parent)
    : QWidget(parent)
    , m_verifier(new a2a::CardSignatureVerifier(this))
    , m_iconClient(new http::HttpClient(this)) // no credentials, ever
{
    setObjectName(QStringLiteral("agentCardView"));
    m_pool.setMaxThreadCount(1);
    connect(m_verifier, &a2a::CardSignatureVerifier::finished, this, &AgentCardView::onSignature);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("cardTabs"));

    auto *scroll = new QScrollArea(m_tabs);
    scroll->setObjectName(QStringLiteral("overviewScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_overview = new QWidget(scroll);
    m_overview->setObjectName(QStringLiteral("cardOverview"));
    m_overviewLayout = new QVBoxLayout(m_overview);
    scroll->setWidget(m_overview);
    m_tabs->addTab(scroll, tr("Card"));

    m_issuesList = new QTreeWidget(m_tabs);
    m_issuesList->setObjectName(QStringLiteral("issuesList"));
    m_issuesList->setColumnCount(3);
    m_issuesList->setHeaderLabels({tr("Severity"), tr("Place"), tr("Issue")});
    m_issuesList->setRootIsDecorated(false);
    m_issuesList->setUniformRowHeights(true);
    m_issuesList->setAllColumnsShowFocus(true);
    m_issuesList->header()->setStretchLastSection(true);
    m_tabs->addTab(m_issuesList, tr("Issues"));
    const auto select = [this](QTreeWidgetItem *item) {
        if (item && item->data(0, Qt::UserRole).isValid())
            selectPointer(item->data(0, Qt::UserRole).toString());
    };
    connect(m_issuesList, &QTreeWidget::itemActivated, this, select);
    connect(m_issuesList, &QTreeWidget::itemClicked, this, select);

    m_rawEdit = JsonHighlighter::makeViewer(m_tabs, QStringLiteral("rawJsonEdit"));
    m_tabs->addTab(m_rawEdit, tr("Raw JSON"));

    m_extendedList = new QTreeWidget(m_tabs);
    m_extendedList->setObjectName(QStringLiteral("extendedCardChanges"));
    m_extendedList->setRootIsDecorated(false);
    m_extendedList->setUniformRowHeights(true);
    m_extendedList->setHeaderLabels({tr("Change"), tr("Where"), tr("Public card"), tr("Extended card")});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
}

AgentCardView::~AgentCardView()
{
    ++m_generation; // nothing from the worker is shown any more
    m_pool.waitForDone();
}

void AgentCardView::showCard(const a2a::CardFetch &fetch)
{
    if (!fetch.card)
        return;
    const quint64 generation = ++m_generation;
    const AgentCard &card = *fetch.card;
    m_issues.clear();
    m_issuesList->clear();
    m_rawEdit->setPlainText(tr("Laying out…"));
    m_tabs->setTabText(1, tr("Issues"));
    // Another card (or the same one read again): the extended card's tab waits for a sign-in.
    if (const int tab = m_tabs->indexOf(m_extendedList); tab >= 0)
        m_tabs->removeTab(tab);
    m_extendedList->clear();
    buildOverview(card, fetch.cardUrl);
    loadIcon(card.iconUrl, generation);
    m_verifier->verify(card.raw, std::nullopt);

    // Validation and the layout of the raw JSON run on the worker.
    const nlohmann::json raw = card.raw;
    const a2a::ProtocolVersion version = card.version;
    const QPointer<AgentCardView> self(this);
    m_pool.start([self, generation, raw, version] {
        QList<a2a::CardIssue> issues = a2a::validateCard(raw, version);
        JsonLayout layout = JsonLayout::of(raw);
        QMetaObject::invokeMethod(
            self, [self, generation, issues = std::move(issues), layout = std::move(layout)] {
                if (self)
                    self->onAnalysed(generation, issues, layout);
            },
            Qt::QueuedConnection);
    });
}

void AgentCardView::buildOverview(const AgentCard &card, const QUrl &cardUrl)
{
    // Everything of the card before is dropped.
    while (QLayoutItem *item = m_overviewLayout->takeAt(0)) {
        if (QWidget *w = item->widget())
            w->deleteLater();
        else if (QLayout *l = item->layout()) {
            while (QLayoutItem *inner = l->takeAt(0)) {
                if (inner->widget())
                    inner->widget()->deleteLater();
                delete inner;
            }
        }
        delete item;
    }
    QWidget *parent = m_overview;

    // Header: icon, name, provider and version, protocol badge.
    auto *header = new QHBoxLayout;
    m_iconLabel = new QLabel(parent);
    m_iconLabel->setObjectName(QStringLiteral("cardIconLabel"));
    m_iconLabel->setFixedSize(56, 56);
    m_iconLabel->setAlignment(Qt::AlignCenter);
    m_iconLabel->setPixmap(initialsIcon(card.name));
    header->addWidget(m_iconLabel, 0, Qt::AlignTop);
    auto *titleBox = new QVBoxLayout;
    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    addPeerText(titleBox, card.name.isEmpty() ? tr("(no name)") : card.name, parent, &titleFont);
    QStringList byline;
    if (!card.providerOrganization.isEmpty())
        byline << tr("by %1").arg(card.providerOrganization);
    if (!card.agentVersion.isEmpty())
        byline << tr("version %1").arg(card.agentVersion);
    if (!byline.isEmpty())
        addPeerText(titleBox, byline.join(QStringLiteral(" · ")), parent);
    auto *badges = badgeRow();
    badges->addWidget(badge(versionText(card.version), QColor(0xbb, 0xde, 0xfb), parent));
    if (!card.signatures.isEmpty())
        badges->addWidget(badge(tr("signed"), QColor(0xc8, 0xe6, 0xc9), parent));
    m_signatureLabel = new QLabel(parent);
    m_signatureLabel->setObjectName(QStringLiteral("signatureLabel"));
    m_signatureLabel->setTextFormat(Qt::PlainText);
    m_signatureLabel->setText(tr("Checking the signature…"));
    badges->addWidget(m_signatureLabel);
    badges->addStretch();
    titleBox->addLayout(badges);
    header->addLayout(titleBox, 1);
    m_overviewLayout->addLayout(header);
    if (!card.description.isEmpty())
        addPeerText(m_overviewLayout, card.description, parent);
    auto *source = new QLabel(tr("Card read from %1").arg(cardUrl.toDisplayString()), parent);
    source->setTextFormat(Qt::PlainText);
    source->setEnabled(false);
    m_overviewLayout->addWidget(source);

    // Capabilities.
    m_overviewLayout->addWidget(heading(tr("Capabilities"), parent));
    auto *capabilities = badgeRow();
    const auto capability = [&](bool on, const QString &text) {
        capabilities->addWidget(badge(on ? QStringLiteral("✓ ") + text : QStringLiteral("✗ ") + text,
                                      on ? QColor(0xc8, 0xe6, 0xc9) : QColor(0xee, 0xee, 0xee), parent));
    };
    capability(card.streaming, tr("streaming"));
    capability(card.pushNotifications, tr("push notifications"));
    capability(card.extendedCard, tr("extended card"));
    capability(!card.extensions.isEmpty(), card.extensions.isEmpty() ? tr("extensions")
                                                                     : tr("%n extension(s)", nullptr, int(card.extensions.size())));
    capabilities->addStretch();
    m_overviewLayout->addLayout(capabilities);
    for (const a2a::AgentExtension &e : card.extensions)
        addPeerText(m_overviewLayout, (e.required ? tr("required extension %1: %2") : tr("extension %1: %2")).arg(e.uri, e.description),
                    parent);

    // Interfaces.
    m_overviewLayout->addWidget(heading(tr("Interfaces"), parent));
    if (card.interfaces.isEmpty())
        m_overviewLayout->addWidget(new QLabel(tr("The card names no interface."), parent));
    for (const a2a::AgentInterface &i : card.interfaces) {
        QString text = QStringLiteral("%1  %2").arg(i.bindingText.isEmpty() ? a2a::bindingName(i.binding) : i.bindingText, i.url);
        if (!i.protocolVersion.isEmpty())
            text += tr("  (A2A %1)").arg(i.protocolVersion);
        if (!i.tenant.isEmpty())
            text += tr("  tenant %1").arg(i.tenant);
        addPeerText(m_overviewLayout, text, parent);
    }

    // Skills, each as a card of its own.
    m_overviewLayout->addWidget(heading(tr("Skills (%1)").arg(card.skills.size()), parent));
    for (const a2a::AgentSkill &skill : card.skills) {
        auto *frame = new QFrame(parent);
        frame->setObjectName(QStringLiteral("skillFrame"));
        frame->setFrameShape(QFrame::StyledPanel);
        auto *box = new QVBoxLayout(frame);
        QFont bold = font();
        bold.setBold(true);
        addPeerText(box, skill.name.isEmpty() ? skill.id : skill.name, frame, &bold);
        if (!skill.description.isEmpty())
            addPeerText(box, skill.description, frame);
        if (!skill.tags.isEmpty()) {
            auto *tags = badgeRow();
            for (const QString &tag : skill.tags)
                tags->addWidget(badge(tag, QColor(0xff, 0xec, 0xb3), frame, true));
            tags->addStretch();
            box->addLayout(tags);
        }
        const QStringList in = skill.inputModes.isEmpty() ? card.defaultInputModes : skill.inputModes;
        const QStringList out = skill.outputModes.isEmpty() ? card.defaultOutputModes : skill.outputModes;
        addPeerText(box, tr("In: %1   Out: %2").arg(in.join(QStringLiteral(", ")), out.join(QStringLiteral(", "))), frame);
        for (const QString &example : skill.examples) {
            auto *button = new QToolButton(frame);
            button->setObjectName(QStringLiteral("exampleButton"));
            button->setText(QStringLiteral("“") + revealHiddenCharacters(example).left(200) + QStringLiteral("”"));
            button->setToolTip(tr("Put this example into the message composer"));
            button->setAutoRaise(true);
            connect(button, &QToolButton::clicked, this, [this, example] { emit exampleChosen(example); });
            box->addWidget(button, 0, Qt::AlignLeft);
        }
        m_overviewLayout->addWidget(frame);
    }

    // Security.
    m_overviewLayout->addWidget(heading(tr("Security"), parent));
    if (card.securitySchemes.isEmpty())
        m_overviewLayout->addWidget(new QLabel(tr("The card declares no security scheme."), parent));
    for (auto it = card.securitySchemes.cbegin(); it != card.securitySchemes.cend(); ++it) {
        QString text = QStringLiteral("%1: %2").arg(it.key(), schemeText(*it));
        if (!it->description.isEmpty())
            text += QStringLiteral(" — ") + it->description;
        addPeerText(m_overviewLayout, text, parent);
    }
    for (const a2a::SecurityRequirement &requirement : card.securityRequirements) {
        QStringList parts;
        for (auto it = requirement.cbegin(); it != requirement.cend(); ++it)
            parts << (it->isEmpty() ? it.key() : QStringLiteral("%1 (%2)").arg(it.key(), it->join(QStringLiteral(", "))));
        addPeerText(m_overviewLayout, tr("Requires: %1").arg(parts.join(tr(" and "))), parent);
    }
    if (!card.securitySchemes.isEmpty()) {
        auto *signIn = new QPushButton(tr("Sign In…"), parent);
        signIn->setObjectName(QStringLiteral("signInButton"));
        signIn->setToolTip(card.extendedCard ? tr("Sign in with these schemes; the authenticated extended card is read afterwards")
                                             : tr("Sign in with these schemes"));
        connect(signIn, &QPushButton::clicked, this, &AgentCardView::signInRequested);
        m_overviewLayout->addWidget(signIn, 0, Qt::AlignLeft);
    }
    m_overviewLayout->addStretch();
}

void AgentCardView::showExtendedCard(const QList<a2a::CardChange> &changes, const QString &error)
{
    m_extendedList->clear();
    const auto compact = [](const nlohmann::json &value) {
        if (value.is_null())
            return QString();
        const std::string dumped = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        QString text = revealHiddenCharacters(QString::fromStdString(dumped.substr(0, 2000)));
        if (dumped.size() > 2000)
            text += QChar(0x2026);
        return text;
    };
    if (!error.isEmpty()) {
        new QTreeWidgetItem(m_extendedList, {tr("error"), QString(), revealHiddenCharacters(error)});
    } else if (changes.isEmpty()) {
        new QTreeWidgetItem(m_extendedList, {QString(), QString(), tr("The extended card is the same as the public card.")});
    }
    for (const a2a::CardChange &c : changes) {
        const QString kind = c.kind == a2a::CardChange::Kind::Added ? tr("added")
            : c.kind == a2a::CardChange::Kind::Removed             ? tr("removed")
                                                                    : tr("changed");
        auto *item = new QTreeWidgetItem(m_extendedList, {kind, revealHiddenCharacters(c.path), compact(c.before), compact(c.after)});
        item->setData(0, Qt::UserRole, QString(a2a::CardChange::kindName(c.kind) + u' ' + c.path));
        item->setToolTip(3, peerToolTip(compact(c.after)));
        item->setToolTip(2, peerToolTip(compact(c.before)));
    }
    m_extendedList->resizeColumnToContents(0);
    m_extendedList->resizeColumnToContents(1);
    const QString title = error.isEmpty() ? tr("Extended Card (%1)").arg(changes.size()) : tr("Extended Card");
    if (m_tabs->indexOf(m_extendedList) < 0)
        m_tabs->addTab(m_extendedList, title);
    m_tabs->setTabText(m_tabs->indexOf(m_extendedList), title);
}

QStringList AgentCardView::extendedCardRows() const
{
    QStringList rows;
    for (int i = 0; i < m_extendedList->topLevelItemCount(); ++i)
        rows.append(m_extendedList->topLevelItem(i)->data(0, Qt::UserRole).toString());
    return rows;
}

void AgentCardView::onAnalysed(quint64 generation, const QList<a2a::CardIssue> &issues, const JsonLayout &layout)
{
    if (generation != m_generation)
        return;
    m_issues = issues;
    m_layout = layout;
    m_rawEdit->setPlainText(layout.text);
    m_issuesList->clear();
    int errors = 0;
    for (const a2a::CardIssue &issue : issues) {
        const bool error = issue.severity == a2a::CardIssue::Severity::Error;
        errors += error ? 1 : 0;
        auto *item = new QTreeWidgetItem(m_issuesList, {error ? tr("error") : tr("warning"),
                                                        issue.pointer.isEmpty() ? QStringLiteral("/") : issue.pointer,
                                                        issue.message});
        item->setIcon(0, QIcon::fromTheme(error ? QStringLiteral("dialog-error") : QStringLiteral("dialog-warning")));
        item->setForeground(0, error ? QColor(0xc6, 0x28, 0x28) : QColor(0xb2, 0x6a, 0x00));
        item->setData(0, Qt::UserRole, issue.pointer);
        // Tooltips are rich text: the message is escaped.
        item->setToolTip(2, escapeForRichText(issue.message));
        item->setToolTip(1, tr("Select its place in the raw JSON"));
    }
    if (issues.isEmpty())
        new QTreeWidgetItem(m_issuesList, {QString(), QString(), tr("The card is valid for the version it claims.")});
    m_issuesList->resizeColumnToContents(0);
    m_issuesList->resizeColumnToContents(1);
    m_tabs->setTabText(1, issues.isEmpty() ? tr("Issues") : tr("Issues (%1)").arg(issues.size()));
    m_tabs->setTabIcon(1, errors > 0 ? QIcon::fromTheme(QStringLiteral("dialog-error"))
                          : issues.isEmpty() ? QIcon() : QIcon::fromTheme(QStringLiteral("dialog-warning")));
    emit analysed();
}

void AgentCardView::selectPointer(const QString &pointer)
{
    const JsonLayout::Span span = m_layout.spanOf(pointer);
    QTextCursor cursor(m_rawEdit->document());
    cursor.setPosition(int(span.keyStart >= 0 ? span.keyStart : span.start));
    cursor.setPosition(int(span.end), QTextCursor::KeepAnchor);
    m_rawEdit->setTextCursor(cursor);
    m_rawEdit->ensureCursorVisible();
    m_tabs->setCurrentWidget(m_rawEdit);
}

void AgentCardView::onSignature(const a2a::SignatureCheck &check)
{
    if (!m_signatureLabel)
        return;
    QString text;
    switch (check.verdict) {
    case a2a::SignatureVerdict::Unsigned: text = tr("Not signed"); break;
    case a2a::SignatureVerdict::Verified: text = tr("✓ Signature verified"); break;
    case a2a::SignatureVerdict::Invalid: text = tr("✗ Signature invalid"); break;
    case a2a::SignatureVerdict::Unverifiable: text = tr("Signature not verifiable"); break;
    }
    m_signatureLabel->setText(text);
    m_signatureLabel->setToolTip(escapeForRichText(revealHiddenCharacters(check.message)));
}

void AgentCardView::loadIcon(const QString &iconUrl, quint64 generation)
{
    const QUrl url(iconUrl);
    const QPointer<AgentCardView> self(this);
    const auto decode = [this, self, generation](QByteArray bytes) {
        m_pool.start([self, generation, bytes = std::move(bytes)] {
            QBuffer buffer;
            buffer.setData(bytes);
            QImageReader reader(&buffer);
            reader.setScaledSize(QSize(48, 48));
            const QImage image = reader.read();
            QMetaObject::invokeMethod(
                self, [self, generation, image] {
                    if (self)
                        self->setIcon(generation, image);
                },
                Qt::QueuedConnection);
        });
    };
    if (url.scheme() == QLatin1String("data")) {
        const QString path = url.path(QUrl::FullyEncoded);
        const qsizetype comma = path.indexOf(QLatin1Char(','));
        if (comma < 0 || path.size() > MaxIconBytes * 2)
            return;
        const bool base64 = path.left(comma).endsWith(QLatin1String(";base64"));
        const QByteArray payload = QByteArray::fromPercentEncoding(path.mid(comma + 1).toLatin1());
        decode(base64 ? QByteArray::fromBase64(payload) : payload);
        return;
    }
    if (url.scheme() != QLatin1String("https"))
        return; // the validator says why; nothing else is fetched
    http::HttpRequest request;
    request.url = url;
    request.maxResponseBytes = MaxIconBytes;
    request.maxRedirects = 3;
    http::HttpReply *reply = m_iconClient->send(request);
    connect(reply, &http::HttpReply::finished, this, [decode, generation, this](const http::HttpResult &result) {
        if (generation == m_generation && result.error == http::HttpResult::Error::None && result.status == 200)
            decode(result.body);
    });
}

void AgentCardView::setIcon(quint64 generation, const QImage &image)
{
    if (generation != m_generation || image.isNull() || !m_iconLabel)
        return;
    m_iconLabel->setPixmap(QPixmap::fromImage(image));
}

} // namespace crosstalk::ui
