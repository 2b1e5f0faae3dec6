#pragma once

#include <QObject>
#include <QStringList>

namespace crosstalk::auth {
class CredentialStore;
}

namespace crosstalk::cli {

/// crosstalk-cli credential set NAME (--bearer | --api-key HEADER | --basic USER)
///                          [--in header|query|cookie]   (the secret on stdin)
/// crosstalk-cli credential list [--json]
/// crosstalk-cli credential delete NAME
///
/// Credentials live in the OS keychain and nowhere else; list prints names
/// and kinds, never a secret.
class CredentialCommand : public QObject
{
    Q_OBJECT

public:
    explicit CredentialCommand(QObject *parent = nullptr);
    void start(const QStringList &arguments);

private:
    void finish(int code, const QString &error = {});

    auth::CredentialStore *m_store = nullptr;
};

} // namespace crosstalk::cli
