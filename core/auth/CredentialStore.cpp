#include "auth/CredentialStore.h"

#include "util/JsonFields.h"
#include "util/Utf8.h"

#include <QTimer>

#include <qt6keychain/keychain.h>

#include <nlohmann/json.hpp>

namespace crosstalk::auth {

using nlohmann::json;

namespace {

const QString IndexKey = QStringLiteral("index");

QString itemKey(const QString &name)
{
    return QStringLiteral("credential/") + name;
}

QString grantKey(const QString &issuer)
{
    return QStringLiteral("oauth/") + issuer;
}

json describe(const Credential &c, bool withSecret)
{
    json out{{"name", c.name.toStdString()}, {"kind", Credential::kindName(c.kind).toStdString()}};
    if (c.kind == Credential::Kind::ApiKey) {
        out["keyName"] = c.keyName.toStdString();
        out["location"] = Credential::locationName(c.location).toStdString();
    }
    if (c.kind == Credential::Kind::Basic)
        out["user"] = c.user.toStdString();
    if (withSecret)
        out["secret"] = c.secret.toStdString();
    return out;
}

std::optional<Credential> credentialFrom(const json &value)
{
    if (!value.is_object())
        return std::nullopt;
    Credential c;
    c.name = json_fields::text(value, "name");
    const auto kind = Credential::kindFromName(json_fields::text(value, "kind"));
    if (c.name.isEmpty() || !kind)
        return std::nullopt;
    c.kind = *kind;
    c.keyName = json_fields::text(value, "keyName");
    c.location = Credential::locationFromName(json_fields::text(value, "location")).value_or(Credential::Location::Header);
    c.user = json_fields::text(value, "user");
    c.secret = json_fields::text(value, "secret");
    return c;
}

QString keychainError(const QKeychain::Job &job)
{
    switch (job.error()) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::OtherError:
        // On Linux: no Secret Service on the session bus, or no bus at all.
        return CredentialStore::tr("No keychain is available (%1). Crosstalk keeps secrets only in the system's "
                                   "keychain: start one (such as GNOME Keyring or KWallet).")
            .arg(job.errorString());
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return CredentialStore::tr("The keychain refused access: %1").arg(job.errorString());
    default:
        return CredentialStore::tr("The keychain failed: %1").arg(job.errorString());
    }
}

} // namespace

CredentialStore::CredentialStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{
}

CredentialStore::~CredentialStore() = default;

void CredentialStore::enqueue(Step step)
{
    m_steps.push_back(std::move(step));
    if (!m_running) {
        m_running = true;
        QTimer::singleShot(0, this, &CredentialStore::runNext);
    }
}

void CredentialStore::stepDone()
{
    if (m_steps.empty()) {
        m_running = false;
        return;
    }
    // The next job starts from the event loop, not from this one's finish.
    QTimer::singleShot(0, this, &CredentialStore::runNext);
}

void CredentialStore::runNext()
{
    Step next = std::move(m_steps.front());
    m_steps.pop_front();
    next();
}

void CredentialStore::readItem(const QString &key, std::function<void(const Item &)> then)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [job, then = std::move(then)] {
        Item item;
        if (job->error() == QKeychain::NoError) {
            item.found = true;
            item.data = job->textData();
        } else if (job->error() != QKeychain::EntryNotFound) {
            item.error = keychainError(*job);
        }
        then(item);
    });
    QTimer::singleShot(0, job, [job] { job->start(); });
}

void CredentialStore::writeItem(const QString &key, const QString &data, std::function<void(const QString &error)> then)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a file
    job->setKey(key);
    job->setTextData(data);
    connect(job, &QKeychain::Job::finished, this, [job, then = std::move(then)] {
        then(job->error() == QKeychain::NoError ? QString() : keychainError(*job));
    });
    QTimer::singleShot(0, job, [job] { job->start(); });
}

void CredentialStore::deleteItem(const QString &key, std::function<void(const QString &error)> then)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [job, then = std::move(then)] {
        const bool gone = job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound;
        then(gone ? QString() : keychainError(*job));
    });
    QTimer::singleShot(0, job, [job] { job->start(); });
}

void CredentialStore::readIndex(std::function<void(QList<Credential>, const QString &)> then)
{
    readItem(IndexKey, [then = std::move(then)](const Item &item) {
        QList<Credential> index;
        if (!item.error.isEmpty() || !item.found)
            return then(index, item.error);
        const json parsed = json::parse(item.data.toStdString(), nullptr, false);
        if (!parsed.is_array())
            return then(index, tr("The keychain's list of Crosstalk credentials is damaged; it was left as it is."));
        for (const json &entry : parsed) {
            if (std::optional<Credential> c = credentialFrom(entry)) {
                c->secret.clear();
                index.append(*c);
            }
        }
        then(index, QString());
    });
}

void CredentialStore::writeIndex(const QList<Credential> &index, std::function<void(const QString &)> then)
{
    json entries = json::array();
    for (const Credential &c : index)
        entries.push_back(describe(c, false));
    writeItem(IndexKey, utf8ToString(entries.dump()), std::move(then));
}

void CredentialStore::list(QObject *context, Listed done)
{
    const QPointer<QObject> guard(context);
    enqueue([this, guard, done = std::move(done)] {
        const auto finish = [this, guard, done](QList<Credential> index, const QString &error) {
            std::sort(index.begin(), index.end(), [](const Credential &a, const Credential &b) { return a.name < b.name; });
            if (guard)
                done(index, error);
            stepDone();
        };
        if (m_memoryOnly) {
            QList<Credential> index;
            for (Credential c : std::as_const(m_memory)) {
                c.secret.clear();
                index.append(c);
            }
            QTimer::singleShot(0, this, [finish, index] { finish(index, QString()); });
            return;
        }
        readIndex(finish);
    });
}

void CredentialStore::load(const QString &name, QObject *context, Loaded done)
{
    const QPointer<QObject> guard(context);
    enqueue([this, name, guard, done = std::move(done)] {
        const auto finish = [this, guard, done](const std::optional<Credential> &c, const QString &error) {
            if (guard)
                done(c, error);
            stepDone();
        };
        if (m_memoryOnly) {
            const std::optional<Credential> c =
                m_memory.contains(name) ? std::optional<Credential>(m_memory.value(name)) : std::nullopt;
            QTimer::singleShot(0, this, [finish, c] { finish(c, QString()); });
            return;
        }
        readItem(itemKey(name), [finish, name](const Item &item) {
            if (!item.error.isEmpty() || !item.found)
                return finish(std::nullopt, item.error);
            std::optional<Credential> c = credentialFrom(json::parse(item.data.toStdString(), nullptr, false));
            if (!c || c->name != name)
                return finish(std::nullopt, tr("The keychain's item for the credential “%1” is damaged.").arg(name));
            finish(c, QString());
        });
    });
}

void CredentialStore::save(const Credential &credential, QObject *context, Done done)
{
    const QPointer<QObject> guard(context);
    enqueue([this, credential, guard, done = std::move(done)] {
        const auto finish = [this, guard, done](const QString &error) {
            if (guard)
                done(error);
            stepDone();
        };
        if (const QString problem = credential.problem(); !problem.isEmpty()) {
            QTimer::singleShot(0, this, [finish, problem] { finish(problem); });
            return;
        }
        if (m_memoryOnly) {
            m_memory.insert(credential.name, credential);
            QTimer::singleShot(0, this, [finish] { finish(QString()); });
            return;
        }
        writeItem(itemKey(credential.name), utf8ToString(describe(credential, true).dump()),
                  [this, credential, finish](const QString &error) {
                      if (!error.isEmpty())
                          return finish(error);
                      readIndex([this, credential, finish](QList<Credential> index, const QString &error) {
                          if (!error.isEmpty())
                              return finish(error);
                          index.removeIf([&](const Credential &c) { return c.name == credential.name; });
                          Credential listed = credential;
                          listed.secret.clear();
                          index.append(listed);
                          writeIndex(index, finish);
                      });
                  });
    });
}

void CredentialStore::remove(const QString &name, QObject *context, Removed done)
{
    const QPointer<QObject> guard(context);
    enqueue([this, name, guard, done = std::move(done)] {
        const auto finish = [this, guard, done](const QString &error, bool removed = true) {
            if (guard)
                done(error.isEmpty() && removed, error);
            stepDone();
        };
        if (m_memoryOnly) {
            const bool removed = m_memory.remove(name) > 0;
            QTimer::singleShot(0, this, [finish, removed] { finish(QString(), removed); });
            return;
        }
        readItem(itemKey(name), [this, name, finish](const Item &item) {
            if (!item.error.isEmpty())
                return finish(item.error);
            const bool hadItem = item.found;
            deleteItem(itemKey(name), [this, name, finish, hadItem](const QString &error) {
                if (!error.isEmpty())
                    return finish(error);
                readIndex([this, name, finish, hadItem](QList<Credential> index, const QString &error) {
                    if (!error.isEmpty())
                        return finish(error);
                    const qsizetype listed = index.removeIf([&](const Credential &c) { return c.name == name; });
                    if (!hadItem && listed == 0)
                        return finish(QString(), false);
                    writeIndex(index, finish);
                });
            });
        });
    });
}

void CredentialStore::loadGrant(const QString &issuer, QObject *context, GrantLoaded done)
{
    const QPointer<QObject> guard(context);
    enqueue([this, issuer, guard, done = std::move(done)] {
        const auto finish = [this, guard, done](const std::optional<OAuthGrant> &g, const QString &error) {
            if (guard)
                done(g, error);
            stepDone();
        };
        if (m_memoryOnly) {
            const std::optional<OAuthGrant> g =
                m_memoryGrants.contains(issuer) ? std::optional<OAuthGrant>(m_memoryGrants.value(issuer)) : std::nullopt;
            QTimer::singleShot(0, this, [finish, g] { finish(g, QString()); });
            return;
        }
        readItem(grantKey(issuer), [finish, issuer](const Item &item) {
            if (!item.error.isEmpty() || !item.found)
                return finish(std::nullopt, item.error);
            std::optional<OAuthGrant> g = OAuthGrant::fromJson(json::parse(item.data.toStdString(), nullptr, false));
            if (!g || g->issuer != issuer)
                return finish(std::nullopt, tr("The keychain's item for the authorization server “%1” is damaged.").arg(issuer));
            finish(g, QString());
        });
    });
}

void CredentialStore::saveGrant(const OAuthGrant &grant, QObject *context, Done done)
{
    const QPointer<QObject> guard(context);
    enqueue([this, grant, guard, done = std::move(done)] {
        const auto finish = [this, guard, done](const QString &error) {
            if (guard)
                done(error);
            stepDone();
        };
        if (grant.issuer.isEmpty()) {
            QTimer::singleShot(0, this, [finish] { finish(tr("An OAuth grant needs its issuer.")); });
            return;
        }
        if (m_memoryOnly) {
            m_memoryGrants.insert(grant.issuer, grant);
            QTimer::singleShot(0, this, [finish] { finish(QString()); });
            return;
        }
        writeItem(grantKey(grant.issuer), utf8ToString(grant.toJson().dump()), finish);
    });
}

void CredentialStore::removeGrant(const QString &issuer, QObject *context, Removed done)
{
    const QPointer<QObject> guard(context);
    enqueue([this, issuer, guard, done = std::move(done)] {
        const auto finish = [this, guard, done](const QString &error, bool removed) {
            if (guard)
                done(error.isEmpty() && removed, error);
            stepDone();
        };
        if (m_memoryOnly) {
            const bool removed = m_memoryGrants.remove(issuer) > 0;
            QTimer::singleShot(0, this, [finish, removed] { finish(QString(), removed); });
            return;
        }
        readItem(grantKey(issuer), [this, issuer, finish](const Item &item) {
            if (!item.error.isEmpty() || !item.found)
                return finish(item.error, false);
            deleteItem(grantKey(issuer), [finish](const QString &error) { finish(error, true); });
        });
    });
}

} // namespace crosstalk::auth
