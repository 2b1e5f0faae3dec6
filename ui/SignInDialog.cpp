#include "SignInDialog.h"

#include "AuthStepsView.h"
#include "PeerText.h"
#include "auth/A2aSignIn.h"
#include "auth/CredentialStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace crosstalk::ui {

using auth::SchemeSignIn;
using auth::SignInOption;

SignInDialog::SignInDialog(const a2a::AgentCard &card, const QUrl &agentUrl, auth::CredentialStore *store, QWidget *parent)
    : QDialog(parent)
    , m_card(card)
    , m_agentUrl(agentUrl)
    , m_store(store)
    , m_options(auth::signInOptions(card))
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to %1").arg(revealHiddenCharacters(card.name).left(80)));
    resize(760, 640);
    auto *layout = new QVBoxLayout(this);

    auto *intro = new QLabel(tr("Sign in with one of the ways the agent's card offers. Secrets stay in this dialog, the "
                                "keychain and the requests to the agent; they are masked everywhere else."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_optionBox = new QComboBox(this);
    m_optionBox->setObjectName(QStringLiteral("signInOption"));
    auto *model = qobject_cast<QStandardItemModel *>(m_optionBox->model());
    int firstUsable = -1;
    for (int i = 0; i < m_options.size(); ++i) {
        const SignInOption &o = m_options.at(i);
        QString text = revealHiddenCharacters(o.describe());
        if (!o.required)
            text = tr("%1 (optional)").arg(text);
        m_optionBox->addItem(text.left(300), o.key());
        m_optionBox->setItemData(i, peerToolTip(o.usable() ? o.describe() : o.problem), Qt::ToolTipRole);
        if (!o.usable()) {
            if (QStandardItem *item = model ? model->item(i) : nullptr)
                item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
        } else if (firstUsable < 0) {
            firstUsable = i;
        }
    }
    auto *choose = new QFormLayout;
    choose->addRow(tr("Sign in with:"), m_optionBox);
    layout->addLayout(choose);
    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("signInProblem"));
    m_problemLabel->setTextFormat(Qt::PlainText);
    m_problemLabel->setWordWrap(true);
    layout->addWidget(m_problemLabel);

    m_inputs = new QWidget(this);
    m_inputsLayout = new QFormLayout(m_inputs);
    m_inputsLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_inputs);

    m_memoryOnly = new QCheckBox(tr("Keep what this sign-in gets in memory only, for this run"), this);
    m_memoryOnly->setObjectName(QStringLiteral("memoryOnly"));
    m_keychainLabel = new QLabel(this);
    m_keychainLabel->setObjectName(QStringLiteral("keychainNote"));
    m_keychainLabel->setTextFormat(Qt::PlainText);
    m_keychainLabel->setWordWrap(true);
    layout->addWidget(m_memoryOnly);
    layout->addWidget(m_keychainLabel);
    if (!m_store) {
        m_memoryOnly->setChecked(true);
        m_memoryOnly->setEnabled(false);
        m_keychainLabel->setText(tr("Nothing is kept after this sign-in."));
    } else if (m_store->isMemoryOnly()) {
        m_memoryOnly->setChecked(true);
        m_memoryOnly->setEnabled(false);
        m_keychainLabel->setText(tr("There is no keychain in this run: secrets and tokens are kept in memory until Crosstalk quits."));
    } else {
        m_keychainLabel->setText(tr("Tokens and client registrations are kept in the operating system's keychain."));
        // Is there a keychain at all? Its own reason is shown if not.
        m_store->list(this, [this](const QList<auth::Credential> &, const QString &error) {
            if (error.isEmpty())
                return;
            m_memoryOnly->setChecked(true);
            m_memoryOnly->setEnabled(false);
            m_keychainLabel->setText(tr("No keychain is available (%1). What you sign in with is kept in memory for this "
                                        "run only, never in a file.")
                                         .arg(error));
        });
    }

    auto *buttons = new QDialogButtonBox(this);
    m_signInButton = buttons->addButton(tr("Sign In"), QDialogButtonBox::AcceptRole);
    m_signInButton->setObjectName(QStringLiteral("signInButton"));
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    connect(m_signInButton, &QPushButton::clicked, this, &SignInDialog::signIn);
    connect(m_closeButton, &QPushButton::clicked, this, &SignInDialog::reject);
    layout->addWidget(buttons);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("signInStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_steps = new AuthStepsView(this);
    layout->addWidget(m_steps, 1);

    connect(m_optionBox, &QComboBox::currentIndexChanged, this, &SignInDialog::buildInputs);
    if (m_options.isEmpty()) {
        m_optionBox->setEnabled(false);
        m_signInButton->setEnabled(false);
        setStatus(tr("The card declares no security scheme: there is nothing to sign in with."), false);
    } else {
        m_optionBox->setCurrentIndex(firstUsable < 0 ? 0 : firstUsable);
        buildInputs();
    }
}

SignInDialog::~SignInDialog() = default;

bool SignInDialog::chooseOption(const QString &key)
{
    for (int i = 0; i < m_options.size(); ++i) {
        if (m_options.at(i).key() == key && m_options.at(i).usable()) {
            m_optionBox->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

QString SignInDialog::statusText() const
{
    return m_status->text();
}

QLineEdit *SignInDialog::addField(const QString &scheme, const QString &field, const QString &label, bool secret)
{
    auto *edit = new QLineEdit(m_inputs);
    edit->setObjectName(QStringLiteral("input:%1:%2").arg(scheme, field));
    if (secret) {
        edit->setEchoMode(QLineEdit::Password);
        edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    }
    m_inputsLayout->addRow(label, edit);
    return edit;
}

void SignInDialog::buildInputs()
{
    while (m_inputsLayout->rowCount() > 0)
        m_inputsLayout->removeRow(0);
    const int index = m_optionBox->currentIndex();
    if (index < 0 || index >= m_options.size())
        return;
    const SignInOption &o = m_options.at(index);
    m_problemLabel->setText(o.usable() ? QString() : revealHiddenCharacters(o.problem));
    m_problemLabel->setVisible(!o.usable());
    m_signInButton->setEnabled(o.usable() && !m_running);
    for (const SchemeSignIn &s : o.schemes) {
        auto *title = new QLabel(m_inputs);
        title->setTextFormat(Qt::PlainText);
        title->setWordWrap(true);
        QString text = revealHiddenCharacters(QStringLiteral("%1: %2").arg(s.name, s.describe()));
        if (!s.description.isEmpty())
            text += QStringLiteral(" — ") + revealHiddenCharacters(s.description);
        title->setText(text.left(500));
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        m_inputsLayout->addRow(title);
        if (s.needsUser())
            addField(s.name, QStringLiteral("user"), tr("User:"), false);
        if (s.needsSecret()) {
            const QString label = s.method == SchemeSignIn::Method::ApiKey ? tr("API key:")
                : s.method == SchemeSignIn::Method::Basic                  ? tr("Password:")
                                                                            : tr("Token:");
            addField(s.name, QStringLiteral("secret"), label, true);
        }
        if (s.takesClientId()) {
            QLineEdit *id = addField(s.name, QStringLiteral("clientId"), tr("Client ID:"), false);
            if (!s.needsClientId())
                id->setPlaceholderText(tr("Optional: Crosstalk registers itself where the server allows it"));
            QLineEdit *secret = addField(s.name, QStringLiteral("clientSecret"), tr("Client secret:"), true);
            if (!s.needsClientSecret())
                secret->setPlaceholderText(tr("Optional: for a confidential client"));
        }
    }
}

void SignInDialog::signIn()
{
    const int index = m_optionBox->currentIndex();
    if (m_running || index < 0 || index >= m_options.size())
        return;
    const SignInOption &option = m_options.at(index);
    auto *s = new auth::A2aSignIn(option, m_agentUrl, this);
    for (const SchemeSignIn &scheme : option.schemes) {
        const auto value = [&](const QString &field) {
            auto *edit = m_inputs->findChild<QLineEdit *>(QStringLiteral("input:%1:%2").arg(scheme.name, field));
            return edit ? edit->text() : QString();
        };
        s->setInput(scheme.name, {value(QStringLiteral("secret")), value(QStringLiteral("user")), value(QStringLiteral("clientId")),
                                  value(QStringLiteral("clientSecret"))});
    }
    if (const QString missing = s->missingInput(); !missing.isEmpty()) {
        delete s;
        return setStatus(missing, true);
    }
    auth::OAuthOptions oauth;
    oauth.openBrowser = m_browser ? m_browser : [](const QUrl &url) { QDesktopServices::openUrl(url); };
    s->setOAuthOptions(oauth);
    m_keychainErrors.clear();
    if (m_store) {
        if (m_memoryOnly->isChecked())
            m_store->setMemoryOnly(true);
        s->setCredentialStore(m_store);
        connect(s, &auth::A2aSignIn::keychainFailed, this, [this, s](const QString &error) {
            if (m_running == s && !m_keychainErrors.contains(error))
                m_keychainErrors.append(error);
        });
    }
    m_running = s;
    m_steps->clear();
    connect(s, &auth::A2aSignIn::stepAdded, m_steps, &AuthStepsView::addStep);
    connect(s, &auth::A2aSignIn::finished, this, [this, s](const QString &error) {
        if (m_running != s)
            return;
        m_running = nullptr;
        setBusy(false);
        if (!error.isEmpty())
            setStatus(tr("The sign-in failed: %1").arg(error), true);
        else if (!m_keychainErrors.isEmpty())
            setStatus(tr("Signed in, but the keychain could not keep the tokens (%1): they serve until Crosstalk quits.")
                          .arg(m_keychainErrors.join(QStringLiteral("; "))),
                      true);
        else
            setStatus(tr("Signed in. Calls to the agent now go with this sign-in."), false);
        emit signInFinished(error);
        if (error.isEmpty())
            remember(s);
    });
    setBusy(true);
    setStatus(tr("Signing in…"), false);
    emit signInStarted(s);
    s->signIn();
}

void SignInDialog::remember(auth::A2aSignIn *signIn)
{
    // Memory-only means nothing outlives the run, not even which way was used.
    if (!m_store || m_store->isMemoryOnly() || m_connectionId.isEmpty())
        return;
    const QString key = signIn->option().key();
    QList<std::pair<QString, auth::Credential>> credentials; // by scheme
    for (const SchemeSignIn &scheme : signIn->option().schemes) {
        if (std::optional<auth::Credential> c = signIn->credentialFor(scheme)) {
            c->name = auth::signInCredentialName(m_connectionId, scheme.name);
            credentials.append({scheme.name, *c});
        }
    }
    if (credentials.isEmpty())
        return emit signInRemembered(key, {});
    struct Saving
    {
        QMap<QString, QString> names;
        QStringList errors;
        qsizetype left = 0;
    };
    auto saving = std::make_shared<Saving>();
    saving->left = credentials.size();
    for (const auto &entry : std::as_const(credentials)) {
        const QString scheme = entry.first;
        const QString name = entry.second.name;
        m_store->save(entry.second, this, [this, saving, scheme, name, key](const QString &error) {
            if (error.isEmpty())
                saving->names.insert(scheme, name);
            else
                saving->errors << error;
            if (--saving->left > 0)
                return;
            if (!saving->errors.isEmpty())
                setStatus(tr("Signed in, but the keychain could not keep what you typed (%1): you will be asked again "
                             "in the next run.")
                              .arg(saving->errors.join(QStringLiteral("; "))),
                          true);
            else
                setStatus(tr("Signed in. Calls to the agent now go with this sign-in, and the keychain keeps it for the "
                             "next run."),
                          false);
            emit signInRemembered(key, saving->names);
        });
    }
}

void SignInDialog::setBusy(bool busy)
{
    m_optionBox->setEnabled(!busy && !m_options.isEmpty());
    m_inputs->setEnabled(!busy);
    const int index = m_optionBox->currentIndex();
    m_signInButton->setEnabled(!busy && index >= 0 && index < m_options.size() && m_options.at(index).usable());
    m_closeButton->setText(busy ? tr("Cancel Sign-In") : tr("Close"));
}

void SignInDialog::setStatus(const QString &text, bool error)
{
    m_status->setText(revealHiddenCharacters(text));
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

void SignInDialog::reject()
{
    if (m_running && m_running->isBusy()) {
        m_running->cancel(); // the dialog stays, showing where it stopped
        return;
    }
    QDialog::reject();
}

} // namespace crosstalk::ui
