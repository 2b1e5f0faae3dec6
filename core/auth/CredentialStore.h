#pragma once

#include "auth/Credential.h"
#include "auth/OAuthGrant.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <deque>
#include <functional>
#include <optional>

namespace crosstalk::auth {

/// Credentials kept in the operating system's keychain (QtKeychain: the
/// Secret Service on Linux, the Keychain on macOS, the Credential Manager on
/// Windows), under the service "Crosstalk": one item per credential, and an
/// index of the names and kinds without secrets, so they can be listed.
///
/// Keychain jobs run one after another, each started from the event loop
/// (a job cannot start from another's finished signal). Failures carry the
/// keychain's own reason. When there is no keychain, nothing falls back to
/// a file: the caller says so and may choose setMemoryOnly(), which keeps
/// credentials in this process alone, for this run.
///
/// Every callback runs later, on this object's thread, and only while its
/// context object lives.
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *DefaultService = "Crosstalk";

    explicit CredentialStore(QString service = QString::fromLatin1(DefaultService), QObject *parent = nullptr);
    ~CredentialStore() override;

    /// Keeps credentials in memory only, for this run (when there is no
    /// keychain and the person chose so). What the keychain holds is not
    /// read while on.
    void setMemoryOnly(bool on) { m_memoryOnly = on; }
    bool isMemoryOnly() const { return m_memoryOnly; }

    /// `error` is empty on success.
    using Done = std::function<void(const QString &error)>;
    /// The credentials, by name, without their secrets.
    using Listed = std::function<void(const QList<Credential> &credentials, const QString &error)>;
    /// The credential with its secret; nullopt with an empty error when
    /// there is none by that name.
    using Loaded = std::function<void(const std::optional<Credential> &credential, const QString &error)>;

    void list(QObject *context, Listed done);
    void load(const QString &name, QObject *context, Loaded done);
    /// Stores it whole, replacing one of the same name.
    void save(const Credential &credential, QObject *context, Done done);
    /// `removed` is false, with an empty error, when there was none by that name.
    using Removed = std::function<void(bool removed, const QString &error)>;
    void remove(const QString &name, QObject *context, Removed done);

    /// OAuth state, one keychain item per authorization server (keyed by
    /// its issuer): the client registration and the tokens per resource.
    using GrantLoaded = std::function<void(const std::optional<OAuthGrant> &grant, const QString &error)>;
    void loadGrant(const QString &issuer, QObject *context, GrantLoaded done);
    void saveGrant(const OAuthGrant &grant, QObject *context, Done done);
    void removeGrant(const QString &issuer, QObject *context, Removed done);

private:
    struct Item
    {
        QString data;
        QString error; ///< empty: read, or not there (found false)
        bool found = false;
    };
    using Step = std::function<void()>;

    void enqueue(Step step);
    void stepDone();
    void runNext();
    void readItem(const QString &key, std::function<void(const Item &)> then);
    void writeItem(const QString &key, const QString &data, std::function<void(const QString &error)> then);
    void deleteItem(const QString &key, std::function<void(const QString &error)> then);
    void readIndex(std::function<void(QList<Credential> index, const QString &error)> then);
    void writeIndex(const QList<Credential> &index, std::function<void(const QString &error)> then);

    QString m_service;
    bool m_memoryOnly = false;
    QHash<QString, Credential> m_memory;
    QHash<QString, OAuthGrant> m_memoryGrants;
    std::deque<Step> m_steps;
    bool m_running = false;
};

} // namespace crosstalk::auth
