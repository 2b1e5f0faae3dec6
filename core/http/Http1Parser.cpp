#include "http/Http1Parser.h"

#include <limits>

namespace crosstalk::http {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isTokenChar(char c)
{
    // RFC 9110 tchar
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}

/// A short, printable quotation of bytes from the peer for an error message.
QString quoted(QByteArrayView bytes)
{
    QString out;
    for (char c : bytes.first(qMin<qsizetype>(bytes.size(), 40))) {
        const auto u = uchar(c);
        out += (u >= 0x20 && u < 0x7f) ? QChar(QLatin1Char(c)) : QChar(0xfffd);
    }
    if (bytes.size() > 40)
        out += QChar(0x2026);
    return out;
}

} // namespace

Http1Parser::Http1Parser(bool headRequest)
    : m_headRequest(headRequest)
{
}

bool Http1Parser::fail(const QString &message)
{
    m_state = State::Failed;
    m_error = message;
    m_line.clear();
    return false;
}

bool Http1Parser::takeLine(QByteArrayView &data, qsizetype cap, QByteArrayView *line)
{
    const qsizetype nl = data.indexOf('\n');
    if (m_line.size() + (nl < 0 ? data.size() : nl) > cap) {
        const bool chunkLine = m_state == State::ChunkSize || m_state == State::ChunkEnd;
        fail(chunkLine ? tr("A chunk-size line in the response is longer than %1 bytes.").arg(MaxChunkLineBytes)
                       : tr("The response headers are larger than %1 bytes.").arg(MaxHeadBytes));
        return false;
    }
    if (nl < 0) {
        m_line.append(data);
        data = {};
        return false;
    }
    QByteArrayView piece = data.first(nl);
    data = data.sliced(nl + 1);
    if (m_line.isEmpty()) {
        *line = piece;
    } else {
        m_line.append(piece);
        *line = m_line;
    }
    if (!line->isEmpty() && line->back() == '\r')
        line->chop(1);
    return true;
}

bool Http1Parser::feed(QByteArrayView data)
{
    while (!data.isEmpty()) {
        switch (m_state) {
        case State::Done:
            return true; // what follows the response is not read
        case State::Failed:
            return false;
        case State::StatusLine:
        case State::Headers:
        case State::Trailers: {
            const qsizetype before = data.size();
            QByteArrayView line;
            const bool got = takeLine(data, MaxHeadBytes - m_headBytes + m_line.size(), &line);
            m_headBytes += before - data.size();
            if (!got)
                return m_state != State::Failed;
            bool ok = true;
            if (m_state == State::StatusLine)
                ok = statusLine(line);
            else if (m_state == State::Headers)
                ok = headerLine(line);
            else if (line.isEmpty())
                m_state = State::Done; // trailer fields are not used
            m_line.clear();
            if (!ok)
                return false;
            break;
        }
        case State::Body:
        case State::ChunkData: {
            const qsizetype n = qsizetype(qMin<qint64>(m_remaining, data.size()));
            const QByteArrayView piece = data.first(n);
            data = data.sliced(n);
            m_remaining -= n;
            if (m_remaining == 0)
                m_state = m_state == State::Body ? State::Done : State::ChunkEnd;
            emitBody(piece);
            break;
        }
        case State::ChunkSize:
        case State::ChunkEnd: {
            QByteArrayView line;
            if (!takeLine(data, MaxChunkLineBytes, &line))
                return m_state != State::Failed;
            bool ok = true;
            if (m_state == State::ChunkSize) {
                ok = chunkSizeLine(line);
            } else if (!line.isEmpty()) {
                ok = fail(tr("A chunk in the response is longer than its size line says."));
            } else {
                m_state = State::ChunkSize;
            }
            m_line.clear();
            if (!ok)
                return false;
            break;
        }
        case State::UntilClose: {
            const QByteArrayView piece = data;
            data = {};
            emitBody(piece);
            break;
        }
        }
    }
    return m_state != State::Failed;
}

void Http1Parser::emitBody(QByteArrayView piece)
{
    if (piece.isEmpty())
        return;
    m_bodyBytes += piece.size();
    if (m_onBody)
        m_onBody(piece);
}

bool Http1Parser::statusLine(QByteArrayView line)
{
    // HTTP/1.1 200 OK  (the reason phrase may be empty, and so may its space)
    const bool ok = line.size() >= 12 && line.startsWith("HTTP/1.") && isDigit(line[7]) && line[8] == ' '
        && isDigit(line[9]) && isDigit(line[10]) && isDigit(line[11]) && (line.size() == 12 || line[12] == ' ');
    if (!ok) {
        if (line.isEmpty() && m_headBytes <= 2)
            return true; // a stray empty line before the response is tolerated (RFC 9112 §2.2)
        return fail(tr("The server's answer is not an HTTP/1 response: it begins with “%1”.").arg(quoted(line)));
    }
    m_head = Head();
    m_head.status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
    if (m_head.status < 100)
        return fail(tr("The server answered with the status code %1, which does not exist.").arg(m_head.status));
    m_head.reason = line.size() > 13 ? line.sliced(13).toByteArray() : QByteArray();
    m_state = State::Headers;
    return true;
}

bool Http1Parser::headerLine(QByteArrayView line)
{
    if (line.isEmpty())
        return endOfHead();
    if (line.front() == ' ' || line.front() == '\t') {
        // An obsolete folded continuation of the previous field's value.
        if (m_head.headers.isEmpty())
            return fail(tr("The response headers begin with a continuation line."));
        QByteArray &value = m_head.headers.last().second;
        value += ' ';
        value += trimmed(line);
        return true;
    }
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView name = colon > 0 ? line.first(colon) : QByteArrayView();
    bool nameOk = !name.isEmpty();
    for (char c : name)
        nameOk = nameOk && isTokenChar(c);
    if (!nameOk)
        return fail(tr("The response has a malformed header line: “%1”.").arg(quoted(line)));
    m_head.headers.append({name.toByteArray(), trimmed(line.sliced(colon + 1)).toByteArray()});
    return true;
}

bool Http1Parser::endOfHead()
{
    if (m_head.status < 200 && m_head.status != 101) {
        // An interim response (100 Continue, 103 Early Hints): the real one follows.
        m_head = Head();
        m_state = State::StatusLine;
        return true;
    }

    QByteArray transferEncoding;
    QByteArray length;
    bool lengthSeen = false;
    for (const auto &h : std::as_const(m_head.headers)) {
        if (h.first.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
            if (!transferEncoding.isEmpty())
                transferEncoding += ',';
            transferEncoding += h.second;
        } else if (h.first.compare("content-length", Qt::CaseInsensitive) == 0) {
            // Repeated or listed values must all agree (RFC 9110 §8.6).
            for (const QByteArray &item : h.second.split(',')) {
                const QByteArrayView v = trimmed(item);
                if (lengthSeen && v != length)
                    return fail(tr("The response gives two different Content-Length values, “%1” and “%2”.")
                                    .arg(quoted(length), quoted(v)));
                length = v.toByteArray();
                lengthSeen = true;
            }
        }
    }

    enum class Body { None, Length, Chunked, UntilClose } body = Body::UntilClose;
    qint64 size = 0;
    if (m_headRequest || m_head.status == 204 || m_head.status == 304 || m_head.status < 200) {
        body = Body::None;
    } else if (!transferEncoding.isEmpty()) {
        const QList<QByteArray> codings = transferEncoding.split(',');
        body = trimmed(codings.last()).compare("chunked", Qt::CaseInsensitive) == 0 ? Body::Chunked : Body::UntilClose;
    } else if (lengthSeen) {
        bool digits = !length.isEmpty() && length.size() <= 18;
        for (char c : length)
            digits = digits && isDigit(c);
        if (!digits)
            return fail(tr("The response's Content-Length “%1” is not a length.").arg(quoted(length)));
        size = length.toLongLong();
        body = size == 0 ? Body::None : Body::Length;
    }

    switch (body) {
    case Body::None:
        m_state = State::Done;
        break;
    case Body::Length:
        m_state = State::Body;
        m_remaining = size;
        break;
    case Body::Chunked:
        m_state = State::ChunkSize;
        break;
    case Body::UntilClose:
        m_state = State::UntilClose;
        break;
    }
    if (m_onHead)
        m_onHead(m_head);
    return true;
}

bool Http1Parser::chunkSizeLine(QByteArrayView line)
{
    const qsizetype semicolon = line.indexOf(';'); // chunk extensions are not used
    const QByteArrayView digits = trimmed(semicolon >= 0 ? line.first(semicolon) : line);
    qint64 size = 0;
    bool ok = !digits.isEmpty() && digits.size() <= 15; // 15 hex digits fit in 60 bits
    for (qsizetype i = 0; ok && i < digits.size(); ++i) {
        const int v = hexValue(digits[i]);
        ok = v >= 0;
        size = size * 16 + qMax(v, 0);
    }
    if (!ok)
        return fail(tr("A chunk-size line in the response is malformed: “%1”.").arg(quoted(line)));
    if (size == 0) {
        m_state = State::Trailers;
    } else {
        m_state = State::ChunkData;
        m_remaining = size;
    }
    return true;
}

bool Http1Parser::finishInput()
{
    switch (m_state) {
    case State::Done:
        return true;
    case State::Failed:
        return false;
    case State::UntilClose:
        m_state = State::Done;
        return true;
    case State::StatusLine:
        if (m_headBytes == 0)
            return fail(tr("The server closed the connection without answering."));
        [[fallthrough]];
    case State::Headers:
        return fail(tr("The server closed the connection in the middle of the response headers."));
    case State::Body:
        return fail(tr("The connection closed %1 bytes before the end of the response body.").arg(m_remaining));
    case State::ChunkSize:
    case State::ChunkData:
    case State::ChunkEnd:
    case State::Trailers:
        return fail(tr("The connection closed before the end of the chunked response body."));
    }
    return false;
}

} // namespace crosstalk::http
