#include "AboutDialog.h"

#include "util/Version.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <iterator>

namespace crosstalk::ui {

namespace {

enum Column { ComponentColumn, PurposeColumn, LicenceColumn, ColumnCount };

QLabel *plainLabel(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setText(text);
    label->setWordWrap(true);
    return label;
}

} // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About %1").arg(productName()));

    auto *iconLabel = new QLabel(this);
    iconLabel->setObjectName(QStringLiteral("iconLabel"));
    iconLabel->setTextFormat(Qt::PlainText);
    const QIcon icon = windowIcon();
    if (!icon.isNull())
        iconLabel->setPixmap(icon.pixmap(64, 64));
    iconLabel->setAlignment(Qt::AlignTop);

    auto *nameLabel = plainLabel(productName(), QStringLiteral("nameLabel"), this);
    QFont nameFont = nameLabel->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.6);
    nameFont.setBold(true);
    nameLabel->setFont(nameFont);

    m_versionLabel
        = plainLabel(tr("Version %1, running on Qt %2").arg(versionString(), QString::fromLatin1(qVersion())),
                     QStringLiteral("versionLabel"), this);
    m_versionLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *descriptionLabel = plainLabel(tr("A desktop inspector and playground for A2A agents and MCP servers."),
                                        QStringLiteral("descriptionLabel"), this);

    auto *headerText = new QVBoxLayout;
    headerText->addWidget(nameLabel);
    headerText->addWidget(m_versionLabel);
    headerText->addWidget(descriptionLabel);
    headerText->addStretch();

    auto *header = new QHBoxLayout;
    header->addWidget(iconLabel);
    header->addLayout(headerText, 1);

    auto *licencesLabel = plainLabel(tr("Licences"), QStringLiteral("licencesLabel"), this);
    QFont licencesFont = licencesLabel->font();
    licencesFont.setBold(true);
    licencesLabel->setFont(licencesFont);

    m_licencesView = new QTableWidget(this);
    m_licencesView->setObjectName(QStringLiteral("licencesView"));
    licencesLabel->setBuddy(m_licencesView);
    fillLicences();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("buttonBox"));
    QPushButton *closeButton = buttons->button(QDialogButtonBox::Close);
    closeButton->setObjectName(QStringLiteral("closeButton"));
    closeButton->setDefault(true);
    closeButton->setFocus();
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addSpacing(layout->spacing());
    layout->addWidget(licencesLabel);
    layout->addWidget(m_licencesView);
    layout->addStretch();
    layout->addWidget(buttons);

    resize(sizeHint().expandedTo(QSize(560, 0)));
}

void AboutDialog::fillLicences()
{
    struct Licence
    {
        QString component;
        QString purpose;
        QString spdxId;
    };
    // SPDX identifiers are names, not prose: they stay untranslated.
    const Licence licences[] = {
        { productName(), tr("This application"), QStringLiteral("Apache-2.0") },
        { QStringLiteral("Qt 6"), tr("User interface and networking"), QStringLiteral("LGPL-3.0") },
        { QStringLiteral("QtKeychain"), tr("Access to the system keychain"), QStringLiteral("BSD-3-Clause") },
        { QStringLiteral("nlohmann/json"), tr("JSON parsing"), QStringLiteral("MIT") },
        { QStringLiteral("valijson"), tr("JSON Schema validation"), QStringLiteral("BSD-2-Clause") },
        { QStringLiteral("simdjson"), tr("Fast reading of streamed JSON"), QStringLiteral("Apache-2.0") },
        { QStringLiteral("OpenSSL"), tr("TLS connections"), QStringLiteral("Apache-2.0") },
    };

    m_licencesView->setColumnCount(ColumnCount);
    m_licencesView->setHorizontalHeaderLabels({ tr("Component"), tr("Used for"), tr("Licence") });
    m_licencesView->setRowCount(int(std::size(licences)));
    int row = 0;
    for (const Licence &licence : licences) {
        const QString cells[ColumnCount] = { licence.component, licence.purpose, licence.spdxId };
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            m_licencesView->setItem(row, column, item);
        }
        ++row;
    }

    m_licencesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_licencesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_licencesView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_licencesView->setWordWrap(false);
    m_licencesView->setAlternatingRowColors(true);
    m_licencesView->setShowGrid(false);
    // Wide enough for every row; exactly as tall as the rows, which
    // AdjustToContents alone overshoots by the header's height.
    m_licencesView->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_licencesView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_licencesView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_licencesView->verticalHeader()->hide();
    m_licencesView->horizontalHeader()->setHighlightSections(false);
    m_licencesView->horizontalHeader()->setSectionResizeMode(ComponentColumn, QHeaderView::ResizeToContents);
    m_licencesView->horizontalHeader()->setSectionResizeMode(PurposeColumn, QHeaderView::Stretch);
    m_licencesView->horizontalHeader()->setSectionResizeMode(LicenceColumn, QHeaderView::ResizeToContents);
    m_licencesView->setFixedHeight(m_licencesView->horizontalHeader()->sizeHint().height()
                                   + m_licencesView->verticalHeader()->length() + 2 * m_licencesView->frameWidth());
}

} // namespace crosstalk::ui
