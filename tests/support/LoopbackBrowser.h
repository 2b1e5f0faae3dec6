#pragma once

#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QUrl>

namespace crosstalk::test {

/// Plays the person's browser in an OAuth sign-in: requests the
/// authorization URL (the test servers approve at once), and follows its
/// redirect back to Crosstalk's loopback listener, as a browser would.
class LoopbackBrowser : public QObject
{
    Q_OBJECT

public:
    explicit LoopbackBrowser(QObject *parent = nullptr);

    /// Opens an authorization URL; the rest happens on the event loop.
    void open(const QUrl &url);
    /// How many authorization URLs were opened.
    int opened() const { return m_opened; }
    /// What went wrong with the last one, or empty.
    const QString &error() const { return m_error; }

private:
    QNetworkAccessManager m_network;
    int m_opened = 0;
    QString m_error;
};

} // namespace crosstalk::test
