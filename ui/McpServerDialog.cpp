#include "McpServerDialog.h"

#include "traffic/Redactor.h"
#include "util/ShellQuote.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

namespace crosstalk::ui {

namespace {

enum Column { NameColumn, ValueColumn, SecretColumn };

/// Shows a secret row's value as dots, and edits it masked.
class MaskedValueDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static bool isSecret(const QModelIndex &index)
    {
        return index.siblingAtColumn(SecretColumn).data(Qt::CheckStateRole).toInt() == Qt::Checked;
    }

    QString displayText(const QVariant &value, const QLocale &locale) const override
    {
        return QStyledItemDelegate::displayText(value, locale);
    }

    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (isSecret(index) && !option->text.isEmpty())
            option->text = QString(option->text.size(), QChar(0x2022));
    }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (auto *line = qobject_cast<QLineEdit *>(editor); line && isSecret(index))
            line->setEchoMode(QLineEdit::Password);
        return editor;
    }
};

const QStringList transports{QStringLiteral("auto"), QStringLiteral("streamable-http"), QStringLiteral("sse")};
const QStringList eras{QStringLiteral("auto"), QStringLiteral("legacy"), QStringLiteral("modern")};

} // namespace

McpServerDialog::McpServerDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("mcpServerDialog"));
    setWindowTitle(tr("Add an MCP Server"));
    m_base.kind = workspace::Connection::Kind::McpServer;

    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setPlaceholderText(tr("the name the server gives"));
    m_kindCombo = new QComboBox(this);
    m_kindCombo->setObjectName(QStringLiteral("kindCombo"));
    m_kindCombo->addItem(tr("Run a command (stdio)"));
    m_kindCombo->addItem(tr("Connect to a URL"));
    m_eraCombo = new QComboBox(this);
    m_eraCombo->setObjectName(QStringLiteral("eraCombo"));
    m_eraCombo->addItem(tr("Detect"), eras[0]);
    m_eraCombo->addItem(tr("Legacy (2025-11-25 and before: initialize)"), eras[1]);
    m_eraCombo->addItem(tr("Modern (2026-07-28: server/discover)"), eras[2]);

    // The command page.
    auto *commandPage = new QWidget(this);
    auto *commandForm = new QFormLayout(commandPage);
    commandForm->setContentsMargins(0, 0, 0, 0);
    m_commandEdit = new QLineEdit(commandPage);
    m_commandEdit->setObjectName(QStringLiteral("commandEdit"));
    m_commandEdit->setPlaceholderText(QStringLiteral("npx -y @modelcontextprotocol/server-everything"));
    m_commandEdit->setToolTip(tr("As you would type it in a shell: quotes group words; nothing is expanded"));
    m_directoryEdit = new QLineEdit(commandPage);
    m_directoryEdit->setObjectName(QStringLiteral("directoryEdit"));
    m_directoryEdit->setPlaceholderText(tr("Crosstalk's own"));
    auto *browse = new QPushButton(tr("Choose…"), commandPage);
    browse->setObjectName(QStringLiteral("chooseDirectoryButton"));
    connect(browse, &QPushButton::clicked, this, [this] {
        auto *dialog = new QFileDialog(this, tr("The server's working folder"), m_directoryEdit->text());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::Directory);
        dialog->setOption(QFileDialog::ShowDirsOnly);
        connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { m_directoryEdit->setText(path); });
        dialog->open();
    });
    auto *directoryRow = new QHBoxLayout;
    directoryRow->addWidget(m_directoryEdit, 1);
    directoryRow->addWidget(browse);
    m_envTable = makeTable(QStringLiteral("environmentTable"), tr("Variable"));
    commandForm->addRow(tr("&Command:"), m_commandEdit);
    commandForm->addRow(tr("&Folder:"), directoryRow);
    commandForm->addRow(tr("&Environment:"), m_envTable);

    // The URL page.
    auto *urlPage = new QWidget(this);
    auto *urlForm = new QFormLayout(urlPage);
    urlForm->setContentsMargins(0, 0, 0, 0);
    m_urlEdit = new QLineEdit(urlPage);
    m_urlEdit->setObjectName(QStringLiteral("urlEdit"));
    m_urlEdit->setPlaceholderText(QStringLiteral("http://127.0.0.1:3001/mcp"));
    m_transportCombo = new QComboBox(urlPage);
    m_transportCombo->setObjectName(QStringLiteral("transportCombo"));
    m_transportCombo->addItem(tr("Streamable HTTP, else HTTP+SSE"), transports[0]);
    m_transportCombo->addItem(tr("Streamable HTTP"), transports[1]);
    m_transportCombo->addItem(tr("HTTP+SSE (2024-11-05)"), transports[2]);
    m_headerTable = makeTable(QStringLiteral("headerTable"), tr("Header"));
    urlForm->addRow(tr("&URL:"), m_urlEdit);
    urlForm->addRow(tr("&Transport:"), m_transportCombo);
    urlForm->addRow(tr("&Headers:"), m_headerTable);
    m_oauthCheck = new QCheckBox(tr("Sign in with &OAuth when the server asks (Streamable HTTP)"), urlPage);
    m_oauthCheck->setObjectName(QStringLiteral("oauthCheck"));
    m_oauthCheck->setChecked(true);
    m_oauthCheck->setToolTip(tr("A 401 from the server starts the MCP authorization flow in the system browser; "
                                "tokens are kept in the keychain."));
    m_clientIdEdit = new QLineEdit(urlPage);
    m_clientIdEdit->setObjectName(QStringLiteral("clientIdEdit"));
    m_clientIdEdit->setPlaceholderText(tr("Optional: Crosstalk registers itself where the server allows it"));
    urlForm->addRow(tr("Authorization:"), m_oauthCheck);
    urlForm->addRow(tr("&Client ID:"), m_clientIdEdit);
    const auto oauthUsable = [this] {
        const bool streamable = m_transportCombo->currentData().toString() != QLatin1String("sse");
        m_oauthCheck->setEnabled(streamable);
        m_clientIdEdit->setEnabled(streamable && m_oauthCheck->isChecked());
    };
    connect(m_transportCombo, &QComboBox::currentIndexChanged, this, oauthUsable);
    connect(m_oauthCheck, &QCheckBox::toggled, this, oauthUsable);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(commandPage);
    m_pages->addWidget(urlPage);
    connect(m_kindCombo, &QComboBox::currentIndexChanged, m_pages, &QStackedWidget::setCurrentIndex);

    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("problemLabel"));
    m_problemLabel->setTextFormat(Qt::PlainText);
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setMinimumHeight(m_problemLabel->fontMetrics().lineSpacing() * 2);
    m_problemLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    QPalette palette = m_problemLabel->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_problemLabel->setPalette(palette);
    auto *note = new QLabel(tr("Crosstalk shows the exact command and asks before it runs it. Secret values are kept "
                               "for this run only; the workspace file holds their names."),
                            this);
    note->setTextFormat(Qt::PlainText);
    note->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QFormLayout;
    top->addRow(tr("&Name:"), m_nameEdit);
    top->addRow(tr("&Server:"), m_kindCombo);
    top->addRow(tr("&Era:"), m_eraCombo);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_pages, 1);
    layout->addWidget(note);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 80);

    for (QLineEdit *edit : {m_nameEdit, m_commandEdit, m_directoryEdit, m_urlEdit})
        connect(edit, &QLineEdit::textChanged, this, &McpServerDialog::check);
    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, &McpServerDialog::check);
    for (QTableWidget *table : {m_envTable, m_headerTable})
        connect(table, &QTableWidget::itemChanged, this, &McpServerDialog::check);
    check();
}

QTableWidget *McpServerDialog::makeTable(const QString &objectName, const QString &nameHeader)
{
    auto *table = new QTableWidget(0, 3, this);
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels({nameHeader, tr("Value"), tr("Secret")});
    table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Interactive);
    table->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(SecretColumn, QHeaderView::ResizeToContents);
    table->verticalHeader()->hide();
    table->setItemDelegateForColumn(ValueColumn, new MaskedValueDelegate(table));
    table->setMinimumHeight(fontMetrics().lineSpacing() * 6);
    // An empty last row to type a new one into; rows emptied are removed.
    addRow(table, {});
    connect(table, &QTableWidget::itemChanged, table, [this, table](QTableWidgetItem *item) {
        const int last = table->rowCount() - 1;
        if (item->row() == last && !table->item(last, NameColumn)->text().isEmpty())
            addRow(table, {});
        if (item->column() == NameColumn) {
            // A secret-looking name is a secret unless the person says otherwise.
            if (traffic::Redactor::isSecretName(item->text()))
                table->item(item->row(), SecretColumn)->setCheckState(Qt::Checked);
        }
        if (item->column() == SecretColumn)
            table->viewport()->update();
    });
    return table;
}

void McpServerDialog::addRow(QTableWidget *table, const workspace::NamedValue &value)
{
    const QSignalBlocker blocker(table);
    const int row = table->rowCount();
    table->insertRow(row);
    table->setItem(row, NameColumn, new QTableWidgetItem(value.name));
    table->setItem(row, ValueColumn, new QTableWidgetItem(value.value));
    auto *secret = new QTableWidgetItem;
    secret->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
    secret->setCheckState(value.isSecret() ? Qt::Checked : Qt::Unchecked);
    table->setItem(row, SecretColumn, secret);
}

QList<workspace::NamedValue> McpServerDialog::valuesOf(const QTableWidget *table) const
{
    QList<workspace::NamedValue> values;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QString name = table->item(row, NameColumn)->text().trimmed();
        if (name.isEmpty())
            continue;
        values.append({name, table->item(row, ValueColumn)->text(),
                       table->item(row, SecretColumn)->checkState() == Qt::Checked});
    }
    return values;
}

void McpServerDialog::setConnection(const workspace::Connection &connection)
{
    m_base = connection;
    setWindowTitle(tr("Edit the MCP Server"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save"));
    m_nameEdit->setText(connection.name);
    const bool stdio = connection.transport == QLatin1String("stdio");
    m_kindCombo->setCurrentIndex(stdio ? 0 : 1);
    m_eraCombo->setCurrentIndex(std::max<qsizetype>(0, eras.indexOf(connection.era)));
    if (stdio) {
        m_commandEdit->setText(connection.command.isEmpty() ? QString()
                                                            : shellCommandLine(QStringList{connection.command} + connection.arguments));
        m_directoryEdit->setText(connection.workingDirectory);
    } else {
        m_urlEdit->setText(connection.url.toString());
        m_transportCombo->setCurrentIndex(std::max<qsizetype>(0, transports.indexOf(connection.transport)));
    }
    m_oauthCheck->setChecked(connection.oauth);
    m_clientIdEdit->setText(connection.oauthClientId);
    for (auto [table, values] : {std::pair{m_envTable, connection.environment}, std::pair{m_headerTable, connection.headers}}) {
        table->setRowCount(0);
        for (const workspace::NamedValue &v : values)
            addRow(table, v);
        addRow(table, {});
    }
    check();
}

workspace::Connection McpServerDialog::connection() const
{
    workspace::Connection c = m_base;
    c.kind = workspace::Connection::Kind::McpServer;
    c.name = m_nameEdit->text().trimmed();
    c.era = m_eraCombo->currentData().toString();
    if (m_kindCombo->currentIndex() == 0) {
        c.transport = QStringLiteral("stdio");
        const QStringList words = splitShellWords(m_commandEdit->text()).value_or(QStringList());
        c.command = words.value(0);
        c.arguments = words.mid(1);
        c.workingDirectory = m_directoryEdit->text().trimmed();
        c.environment = valuesOf(m_envTable);
        c.url = QUrl();
        c.headers.clear();
        c.oauth = true;
        c.oauthClientId.clear();
    } else {
        c.transport = m_transportCombo->currentData().toString();
        c.url = QUrl(m_urlEdit->text().trimmed(), QUrl::StrictMode);
        c.headers = valuesOf(m_headerTable);
        c.oauth = m_oauthCheck->isChecked();
        c.oauthClientId = c.oauth ? m_clientIdEdit->text().trimmed() : QString();
        c.command.clear();
        c.arguments.clear();
        c.workingDirectory.clear();
        c.environment.clear();
    }
    return c;
}

QString McpServerDialog::problem() const
{
    if (m_kindCombo->currentIndex() == 0) {
        QString error;
        const auto words = splitShellWords(m_commandEdit->text(), &error);
        if (!words)
            return tr("The command cannot be read: %1.").arg(error);
        if (words->isEmpty())
            return tr("Type the command that starts the server.");
    } else {
        const QString text = m_urlEdit->text().trimmed();
        if (text.isEmpty())
            return tr("Type the server's URL.");
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid())
            return tr("This is not a URL: %1").arg(url.errorString());
        if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
            return tr("MCP servers are reached over http or https, not “%1”.").arg(url.scheme());
        if (url.host().isEmpty())
            return tr("The URL has no host.");
        if (m_eraCombo->currentData().toString() == QLatin1String("modern")
            && m_transportCombo->currentData().toString() == QLatin1String("sse"))
            return tr("The modern era has no HTTP+SSE transport: choose Streamable HTTP.");
        for (const workspace::NamedValue &v : valuesOf(m_headerTable)) {
            if (v.name.contains(QLatin1Char(' ')) || v.name.contains(QLatin1Char(':')))
                return tr("The header name “%1” holds a space or a colon.").arg(v.name);
        }
    }
    for (const workspace::NamedValue &v : valuesOf(m_envTable)) {
        if (m_kindCombo->currentIndex() == 0 && v.name.contains(QLatin1Char('=')))
            return tr("The variable name “%1” holds an equals sign.").arg(v.name);
    }
    workspace::Connection c = connection();
    if (c.id.isEmpty())
        c.id = QStringLiteral("new"); // the workspace gives it one
    return workspace::workspace_file::problemOf(c);
}

void McpServerDialog::check()
{
    const QString why = problem();
    const bool untouched = m_commandEdit->text().isEmpty() && m_urlEdit->text().isEmpty();
    m_problemLabel->setText(untouched ? QString() : why);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

} // namespace crosstalk::ui
