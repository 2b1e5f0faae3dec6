#pragma once

#include "a2a/AgentCard.h"
#include "auth/A2aSecurity.h"

#include <QDialog>
#include <QMap>
#include <QPointer>
#include <QUrl>

#include <functional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace crosstalk::auth {
class A2aSignIn;
class CredentialStore;
}

namespace crosstalk::ui {

class AuthStepsView;

/// Signing in to an agent with what its card offers: the person picks one
/// of the card's requirement combinations (those Crosstalk cannot meet are
/// listed, disabled, with the reason), gives what each scheme needs (secrets
/// in masked fields), and follows every step of the flow below, in the
/// traffic inspector's manner. OAuth sign-ins open the system browser, which
/// comes back to a listener on 127.0.0.1. What the sign-in gets is kept in
/// the keychain; when there is none the dialog says so and keeps it in
/// memory for this run only.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    SignInDialog(const a2a::AgentCard &card, const QUrl &agentUrl, auth::CredentialStore *store, QWidget *parent = nullptr);
    ~SignInDialog() override;

    const QList<auth::SignInOption> &options() const { return m_options; }
    /// Chooses an option by its key (SignInOption::key()); false if there is none usable by that key.
    bool chooseOption(const QString &key);
    /// Opens authorization URLs (tests play the browser); the system browser by default.
    void setBrowser(std::function<void(const QUrl &)> open) { m_browser = std::move(open); }
    AuthStepsView *stepsView() const { return m_steps; }
    QString statusText() const;
    /// Starts the sign-in, as the Sign in button does.
    void signIn();
    /// The workspace connection signed into: the secrets typed for API key,
    /// bearer and basic schemes are kept in the keychain under its id
    /// (auth::signInCredentialName) once the sign-in succeeds.
    void setConnectionId(const QString &id) { m_connectionId = id; }

signals:
    /// A sign-in begins: the receiver takes it (it authorizes the agent's
    /// calls from now on) and becomes its parent.
    void signInStarted(crosstalk::auth::A2aSignIn *signIn);
    /// The sign-in ended: `error` is empty when it succeeded.
    void signInFinished(const QString &error);
    /// After a sign-in that succeeded, with the keychain in use: the option
    /// (SignInOption::key()) and, per scheme, the keychain credential that
    /// now holds what was typed for it. The workspace keeps these names, so
    /// the agent is signed into again in the next run.
    void signInRemembered(const QString &optionKey, const QMap<QString, QString> &credentials);

protected:
    void reject() override;

private:
    void buildInputs();
    void setBusy(bool busy);
    void setStatus(const QString &text, bool error);
    void remember(auth::A2aSignIn *signIn);
    QLineEdit *addField(const QString &scheme, const QString &field, const QString &label, bool secret);

    a2a::AgentCard m_card;
    QUrl m_agentUrl;
    QPointer<auth::CredentialStore> m_store;
    QList<auth::SignInOption> m_options;
    std::function<void(const QUrl &)> m_browser;
    QPointer<auth::A2aSignIn> m_running;
    QString m_connectionId;
    QStringList m_keychainErrors; // of the sign-in under way

    QComboBox *m_optionBox = nullptr;
    QLabel *m_problemLabel = nullptr;
    QWidget *m_inputs = nullptr;
    QFormLayout *m_inputsLayout = nullptr;
    QCheckBox *m_memoryOnly = nullptr;
    QLabel *m_keychainLabel = nullptr;
    QPushButton *m_signInButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    QLabel *m_status = nullptr;
    AuthStepsView *m_steps = nullptr;
};

} // namespace crosstalk::ui
