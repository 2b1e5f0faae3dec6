#include "LoopbackBrowser.h"

#include <QNetworkReply>

namespace crosstalk::test {

LoopbackBrowser::LoopbackBrowser(QObject *parent)
    : QObject(parent)
{
    m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

void LoopbackBrowser::open(const QUrl &url)
{
    ++m_opened;
    QNetworkReply *authorize = m_network.get(QNetworkRequest(url));
    connect(authorize, &QNetworkReply::finished, this, [this, authorize] {
        authorize->deleteLater();
        const QUrl back = authorize->url().resolved(QUrl::fromEncoded(authorize->rawHeader("Location")));
        if (authorize->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() / 100 != 3
            || back.host() != QLatin1String("127.0.0.1")) {
            m_error = QStringLiteral("the authorization endpoint did not redirect to the loopback listener");
            return;
        }
        QNetworkReply *callback = m_network.get(QNetworkRequest(back));
        connect(callback, &QNetworkReply::finished, callback, &QObject::deleteLater);
    });
}

} // namespace crosstalk::test
