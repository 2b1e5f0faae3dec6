#include "TrafficInspector.h"

#include "JsonHighlighter.h"
#include "JsonTree.h"
#include "PeerText.h"
#include "TrafficModel.h"
#include "traffic/TrafficLog.h"
#include "util/BoundedJson.h"
#include "util/JsonLayout.h"
#include "util/ShellQuote.h"

#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace crosstalk::ui {

using nlohmann::json;
using traffic::TrafficEntry;

TrafficInspector::TrafficInspector(traffic::TrafficLog *log, QWidget *parent)
    : QWidget(parent)
    , m_log(log)
    , m_model(new TrafficModel(log, this))
{
    setObjectName(QStringLiteral("trafficInspector"));
    m_pool.setMaxThreadCount(1);

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("trafficFilterEdit"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setPlaceholderText(tr("Filter: words, method:…, connection:…, id:…, status:4xx, is:error, /regex/"));
    m_filterTimer.setSingleShot(true);
    m_filterTimer.setInterval(250);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this] { m_filterTimer.start(); });
    connect(m_filterEdit, &QLineEdit::returnPressed, this, &TrafficInspector::applyFilter);
    connect(&m_filterTimer, &QTimer::timeout, this, &TrafficInspector::applyFilter);

    m_connectionBox = new QComboBox(this);
    m_connectionBox->setObjectName(QStringLiteral("trafficConnectionBox"));
    m_connectionBox->addItem(tr("All connections"));
    connect(m_model, &TrafficModel::connectionsChanged, this, [this] {
        for (const QString &c : m_model->connections()) {
            if (m_connectionBox->findData(c) < 0)
                m_connectionBox->addItem(revealHiddenCharacters(c), c);
        }
    });
    connect(m_connectionBox, &QComboBox::currentIndexChanged, this, &TrafficInspector::applyFilter);

    m_errorsOnlyBox = new QCheckBox(tr("Errors only"), this);
    m_errorsOnlyBox->setObjectName(QStringLiteral("trafficErrorsOnlyBox"));
    connect(m_errorsOnlyBox, &QCheckBox::toggled, this, &TrafficInspector::applyFilter);

    const auto toolButton = [this](const char *name, const QString &text, const QString &tip) {
        auto *b = new QToolButton(this);
        b->setObjectName(QLatin1String(name));
        b->setText(text);
        b->setToolTip(tip);
        return b;
    };
    m_pauseButton = toolButton("trafficPauseButton", tr("Pause"), tr("Stop adding new messages to the list (they are kept)"));
    m_pauseButton->setCheckable(true);
    connect(m_pauseButton, &QToolButton::toggled, this, [this](bool on) {
        m_model->setPaused(on);
        m_pauseButton->setText(on ? tr("Resume") : tr("Pause"));
    });
    QToolButton *clearButton = toolButton("trafficClearButton", tr("Clear"), tr("Forget every recorded message"));
    connect(clearButton, &QToolButton::clicked, this, [this] {
        if (m_log)
            m_log->clear();
    });
    QToolButton *exportButton = toolButton("trafficExportButton", tr("Export…"), tr("Write the recorded messages as NDJSON (secrets redacted)"));
    connect(exportButton, &QToolButton::clicked, this, &TrafficInspector::exportNdjson);
    m_linkedButton = toolButton("trafficLinkedButton", tr("Go to linked"), tr("Select the request this answers, or the answer to this request"));
    connect(m_linkedButton, &QToolButton::clicked, this, &TrafficInspector::goToLinked);
    m_curlButton = toolButton("trafficCurlButton", tr("Copy as curl"), tr("Copy this HTTP request as a curl command (secrets stay masked)"));
    connect(m_curlButton, &QToolButton::clicked, this, &TrafficInspector::copyAsCurl);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("trafficCountLabel"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filterEdit, 1);
    bar->addWidget(m_connectionBox);
    bar->addWidget(m_errorsOnlyBox);
    bar->addWidget(m_pauseButton);
    bar->addWidget(clearButton);
    bar->addWidget(exportButton);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("trafficView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // uniform rows: cheap to scroll
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    const int ch = m_view->fontMetrics().averageCharWidth();
    const int widths[TrafficModel::ColumnCount] = {7, 13, 16, 4, 14, 20, 6, 12, 9, 9};
    for (int column = 0; column < TrafficModel::ColumnCount; ++column)
        m_view->setColumnWidth(column, widths[column] * ch + 12);
    m_view->setAlternatingRowColors(true);
    connect(m_view, &QTableView::doubleClicked, this, &TrafficInspector::goToLinked);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TrafficInspector::showDetails);
    // Follow new messages while the last row is the chosen one.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        m_countLabel->setText(tr("%n message(s) shown", nullptr, m_model->rowCount()));
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_countLabel->setText(tr("%n message(s) shown", nullptr, m_model->rowCount()));
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        m_countLabel->setText(tr("%n message(s) shown", nullptr, m_model->rowCount()));
    });

    m_rawEdit = JsonHighlighter::makeViewer(this, QStringLiteral("trafficRawEdit"));
    m_tree = JsonTree::make(this, QStringLiteral("trafficTree"));
    m_details = new QTabWidget(this);
    m_details->setObjectName(QStringLiteral("trafficDetails"));
    m_details->addTab(m_rawEdit, tr("Message"));
    m_details->addTab(m_tree, tr("JSON tree"));
    auto *detailBar = new QHBoxLayout;
    detailBar->addWidget(m_countLabel, 1);
    detailBar->addWidget(m_linkedButton);
    detailBar->addWidget(m_curlButton);
    auto *detailBox = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailBox);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addLayout(detailBar);
    detailLayout->addWidget(m_details);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("trafficSplitter"));
    splitter->addWidget(m_view);
    splitter->addWidget(detailBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    m_countLabel->setText(tr("%n message(s) shown", nullptr, m_model->rowCount()));
    showDetails();
}

TrafficInspector::~TrafficInspector()
{
    ++m_detailGeneration;
    m_pool.waitForDone();
}

void TrafficInspector::setFilterState(const QString &error)
{
    // The filter bar says when what is typed is not a filter, and why.
    m_filterEdit->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("QLineEdit { background: #fde0e0; }"));
    m_filterEdit->setToolTip(escapeForRichText(error));
    m_filterEdit->setProperty("invalid", !error.isEmpty());
}

void TrafficInspector::applyFilter()
{
    m_filterTimer.stop();
    traffic::TrafficFilter filter = traffic::TrafficFilter::parse(m_filterEdit->text());
    setFilterState(filter.error());
    if (!filter.isValid())
        return; // the last valid filter stays applied
    filter.setConnection(m_connectionBox->currentData().toString());
    filter.setErrorsOnly(m_errorsOnlyBox->isChecked());
    const quint64 chosen = m_model->seqAt(m_view->currentIndex().row());
    m_model->setFilter(filter);
    const int row = m_model->rowOf(chosen);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
}

void TrafficInspector::showDetails()
{
    const TrafficEntry *e = m_model->entryAt(m_view->currentIndex().row());
    m_linkedButton->setEnabled(e && e->linkedSeq && m_log && m_log->find(*e->linkedSeq));
    m_curlButton->setEnabled(e && e->kind == traffic::TransportKind::HttpRequest);
    const quint64 generation = ++m_detailGeneration;
    m_tree->clear();
    if (!e) {
        m_rawEdit->setPlainText(tr("Choose a message to see it here."));
        return;
    }
    // Headers first (masked when recorded), then the body, pretty when JSON.
    QString head;
    if (!e->startLine.isEmpty())
        head += revealHiddenCharacters(e->startLine) + QLatin1Char('\n');
    for (const traffic::HttpHeader &h : e->headers)
        head += revealHiddenCharacters(QString::fromLatin1(h.name) + QStringLiteral(": ") + QString::fromUtf8(h.value)) + QLatin1Char('\n');
    if (!head.isEmpty())
        head += QLatin1Char('\n');
    m_rawEdit->setPlainText(head + tr("Laying out…"));
    const QByteArray body = e->body;
    const bool truncated = e->bodyTruncated;
    const quint64 seq = e->seq;
    const QPointer<TrafficInspector> self(this);
    m_pool.start([self, generation, head, body, truncated, seq] {
        JsonReadError error;
        std::optional<json> parsed = body.isEmpty() ? std::nullopt : readJson(body, 128, &error);
        QString text = head;
        if (parsed)
            text += JsonLayout::of(*parsed).text;
        else
            text += revealHiddenCharacters(QString::fromUtf8(body));
        if (truncated)
            text += QLatin1Char('\n') + TrafficInspector::tr("(the body was cut short when it was recorded)");
        QMetaObject::invokeMethod(
            self, [self, generation, text, parsed = std::move(parsed), seq] {
                if (!self || generation != self->m_detailGeneration)
                    return;
                self->m_rawEdit->setPlainText(text);
                if (parsed && parsed->is_structured())
                    JsonTree::show(self->m_tree, *parsed);
                emit self->detailsShown(seq);
            },
            Qt::QueuedConnection);
    });
}

void TrafficInspector::goToLinked()
{
    const TrafficEntry *e = m_model->entryAt(m_view->currentIndex().row());
    if (!e || !e->linkedSeq)
        return;
    int row = m_model->rowOf(*e->linkedSeq);
    if (row < 0 && m_log && m_log->find(*e->linkedSeq)) {
        // Filtered out: the filter is lifted so that the pair can be seen.
        m_filterEdit->clear();
        m_connectionBox->setCurrentIndex(0);
        m_errorsOnlyBox->setChecked(false);
        applyFilter();
        row = m_model->rowOf(*e->linkedSeq);
    }
    if (row >= 0) {
        m_view->setCurrentIndex(m_model->index(row, 0));
        m_view->scrollTo(m_model->index(row, 0));
    }
}

QString TrafficInspector::curlCommand(const TrafficEntry &e)
{
    if (e.kind != traffic::TransportKind::HttpRequest)
        return {};
    const QString method = e.startLine.section(QLatin1Char(' '), 0, 0);
    const QString url = e.startLine.section(QLatin1Char(' '), 1);
    QStringList parts{QStringLiteral("curl")};
    if (method != QLatin1String("GET"))
        parts << QStringLiteral("-X") << method;
    parts << shellQuoted(url, ShellQuoting::Always);
    for (const traffic::HttpHeader &h : e.headers) {
        const QByteArray lower = h.name.toLower();
        if (lower == "content-length" || lower == "host")
            continue;
        parts << QStringLiteral("-H")
              << shellQuoted(QString::fromLatin1(h.name) + QStringLiteral(": ") + QString::fromUtf8(h.value), ShellQuoting::Always);
    }
    if (!e.body.isEmpty())
        parts << QStringLiteral("--data-raw") << shellQuoted(QString::fromUtf8(e.body), ShellQuoting::Always);
    return parts.join(QLatin1Char(' '));
}

void TrafficInspector::copyAsCurl()
{
    const TrafficEntry *e = m_model->entryAt(m_view->currentIndex().row());
    if (e && e->kind == traffic::TransportKind::HttpRequest)
        QApplication::clipboard()->setText(curlCommand(*e));
}

void TrafficInspector::exportNdjson()
{
    auto *dialog = new QFileDialog(this, tr("Export the traffic"), QStringLiteral("traffic.ndjson"), tr("NDJSON (*.ndjson *.jsonl)"));
    dialog->setObjectName(QStringLiteral("trafficExportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        if (!m_log)
            return;
        // The log is read here (it lives on this thread); the file is
        // written on the worker.
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        m_log->exportNdjson(&buffer);
        const QPointer<TrafficInspector> self(this);
        m_pool.start([self, path, bytes] {
            QSaveFile file(path);
            const bool ok = file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
            const QString error = ok ? QString() : file.errorString();
            QMetaObject::invokeMethod(
                self, [self, path, error] {
                    if (self)
                        emit self->exported(path, error);
                },
                Qt::QueuedConnection);
        });
    });
    dialog->open();
}

} // namespace crosstalk::ui
