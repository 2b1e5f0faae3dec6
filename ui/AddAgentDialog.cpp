#include "AddAgentDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace crosstalk::ui {

AddAgentDialog::AddAgentDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("addAgentDialog"));
    setWindowTitle(tr("Add an agent"));

    m_urlEdit = new QLineEdit(this);
    m_urlEdit->setObjectName(QStringLiteral("urlEdit"));
    m_urlEdit->setPlaceholderText(QStringLiteral("https://agent.example/"));
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setPlaceholderText(tr("the name on its card"));

    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("problemLabel"));
    m_problemLabel->setTextFormat(Qt::PlainText);
    m_problemLabel->setWordWrap(true);
    QPalette palette = m_problemLabel->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_problemLabel->setPalette(palette);

    auto *hint = new QLabel(tr("The agent's address, or the address of its card. Crosstalk looks for the card at "
                               "/.well-known/agent-card.json, then at the older agent.json."),
                            this);
    hint->setTextFormat(Qt::PlainText);
    hint->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&URL:"), m_urlEdit);
    form->addRow(tr("&Name:"), m_nameEdit);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    // Wide enough for a long URL; the wrapped hint takes its height there.
    hint->setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    m_problemLabel->setMinimumWidth(hint->minimumWidth());
    // Its room is kept when empty, so the dialog does not jump as one types.
    m_problemLabel->setMinimumHeight(m_problemLabel->fontMetrics().lineSpacing() * 2);
    m_problemLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(hint);
    layout->addLayout(form);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_buttons);

    connect(m_urlEdit, &QLineEdit::textChanged, this, &AddAgentDialog::check);
    check();
}

QUrl AddAgentDialog::url() const
{
    QString text = m_urlEdit->text().trimmed();
    // A bare host is taken as https, as a browser's address bar does.
    if (!text.isEmpty() && !text.contains(QLatin1String("://")))
        text.prepend(QStringLiteral("https://"));
    return QUrl(text, QUrl::StrictMode);
}

QString AddAgentDialog::name() const
{
    return m_nameEdit->text().trimmed();
}

QString AddAgentDialog::problem() const
{
    if (m_urlEdit->text().trimmed().isEmpty())
        return tr("Type the agent's URL.");
    const QUrl u = url();
    if (!u.isValid())
        return tr("This is not a URL: %1").arg(u.errorString());
    if (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https"))
        return tr("Agents are reached over http or https, not “%1”.").arg(u.scheme());
    if (u.host().isEmpty())
        return tr("The URL has no host.");
    return {};
}

void AddAgentDialog::check()
{
    const QString why = problem();
    // The first prompt is not an error: it shows once something was typed.
    m_problemLabel->setText(m_urlEdit->text().trimmed().isEmpty() ? QString() : why);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

} // namespace crosstalk::ui
