#include "McpImportDialog.h"

#include "McpServerView.h"
#include "PeerText.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace crosstalk::ui {

McpImportDialog::McpImportDialog(const QString &path, const workspace::mcp_config::Import &result, QWidget *parent)
    : QDialog(parent)
    , m_result(result)
{
    setObjectName(QStringLiteral("mcpImportDialog"));
    setWindowTitle(tr("Import MCP Servers"));
    auto *intro = new QLabel(this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    intro->setText(tr("%1 (%2) lists these servers. A command runs on your computer, with your rights, only when you "
                      "connect its server, and Crosstalk shows it and asks again first.")
                       .arg(QDir::toNativeSeparators(path), workspace::mcp_config::formatName(result.format)));

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("importServerList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Server"), tr("Runs or reaches")});
    m_list->header()->setStretchLastSection(true);
    m_list->setWordWrap(true);
    for (const workspace::Connection &c : result.data.connections) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, Qt::Checked);
        item->setText(0, revealHiddenCharacters(c.name.isEmpty() ? c.id : c.name));
        // Exactly what Connect will ask about before running it.
        const QString target = c.transport == QLatin1String("stdio")
            ? McpServerView::commandDetails(c)
            : revealHiddenCharacters(c.url.toString() + QStringLiteral(" (") + c.transport + QLatin1Char(')'));
        item->setText(1, target);
        item->setToolTip(1, peerToolTip(target));
    }
    m_list->resizeColumnToContents(0);

    auto *notes = new QPlainTextEdit(this);
    notes->setObjectName(QStringLiteral("importNotes"));
    notes->setReadOnly(true);
    notes->setPlainText(revealHiddenCharacters(result.notes.join(QLatin1Char('\n'))));
    notes->setVisible(!result.notes.isEmpty());
    notes->setMaximumHeight(fontMetrics().lineSpacing() * 7);
    auto *notesLabel = new QLabel(tr("What could not be taken over as written:"), this);
    notesLabel->setVisible(!result.notes.isEmpty());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Import %n Server(s)", nullptr, int(result.data.connections.size())));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::itemChanged, this, [this, ok] {
        const int n = int(chosen().connections.size());
        ok->setText(tr("&Import %n Server(s)", nullptr, n));
        ok->setEnabled(n > 0);
    });
    ok->setEnabled(!result.data.connections.isEmpty());

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(notesLabel);
    layout->addWidget(notes);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 110, fontMetrics().lineSpacing() * 28);
}

workspace::WorkspaceData McpImportDialog::chosen() const
{
    workspace::WorkspaceData data;
    for (int i = 0; i < m_list->topLevelItemCount() && i < m_result.data.connections.size(); ++i) {
        if (m_list->topLevelItem(i)->checkState(0) == Qt::Checked)
            data.connections.append(m_result.data.connections.at(i));
    }
    return data;
}

} // namespace crosstalk::ui
