#pragma once

#include <QByteArrayView>
#include <QString>

#include <string>

namespace crosstalk {

/// UTF-8 bytes as a QString, exactly: malformed sequences become U+FFFD, and a
/// leading U+FEFF is kept. QString::fromUtf8 drops a leading byte order mark,
/// which would make the JSON-RPC ids "\uFEFFa" and "a" equal and hide the
/// character in text from a peer.
QString utf8ToString(QByteArrayView utf8);
inline QString utf8ToString(const std::string &utf8)
{
    return utf8ToString(QByteArrayView(utf8.data(), qsizetype(utf8.size())));
}

} // namespace crosstalk
