#pragma once

#include "http/RedirectRules.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <functional>

namespace crosstalk::http {

/// Reads one HTTP/1.x response as its bytes arrive, in pieces of any size:
/// status line, headers (interim 1xx responses skipped), then the body as
/// Content-Length, chunked, or until the connection closes. Body bytes are
/// handed out as views into the fed data, never copied; only the head and
/// chunk-size lines are buffered, and those are capped.
class Http1Parser
{
    Q_DECLARE_TR_FUNCTIONS(Http1Parser)

public:
    /// The most a status line and its headers (or a chunked trailer) may take.
    static constexpr qsizetype MaxHeadBytes = 64 * 1024;
    /// The most a chunk-size line may take.
    static constexpr qsizetype MaxChunkLineBytes = 4096;

    struct Head
    {
        int status = 0;
        QByteArray reason;
        HeaderList headers;
    };

    /// `headRequest`: the response to a HEAD request, which has no body
    /// whatever its headers say.
    explicit Http1Parser(bool headRequest = false);

    /// Called once the final (non-1xx) head has been read.
    void setHeadHandler(std::function<void(const Head &)> handler) { m_onHead = std::move(handler); }
    /// Called with each piece of the body; the view is valid only during the call.
    void setBodyHandler(std::function<void(QByteArrayView)> handler) { m_onBody = std::move(handler); }

    /// Reads more of the response. Returns false once it is broken (error()
    /// says how). Bytes after the end of the response are ignored.
    bool feed(QByteArrayView data);
    /// The connection has closed: ends a body that runs until the close, and
    /// is an error anywhere else before the end. Returns false on error.
    bool finishInput();

    bool isComplete() const { return m_state == State::Done; }
    const QString &error() const { return m_error; }
    /// Body bytes read so far (after chunked decoding).
    qint64 bodyBytes() const { return m_bodyBytes; }

private:
    enum class State { StatusLine, Headers, Body, ChunkSize, ChunkData, ChunkEnd, Trailers, UntilClose, Done, Failed };

    bool takeLine(QByteArrayView &data, qsizetype cap, QByteArrayView *line);
    bool statusLine(QByteArrayView line);
    bool headerLine(QByteArrayView line);
    bool endOfHead();
    bool chunkSizeLine(QByteArrayView line);
    void emitBody(QByteArrayView piece);
    bool fail(const QString &message);

    std::function<void(const Head &)> m_onHead;
    std::function<void(QByteArrayView)> m_onBody;
    State m_state = State::StatusLine;
    bool m_headRequest = false;
    Head m_head;
    QByteArray m_line;      // a line that arrived in pieces
    qsizetype m_headBytes = 0;
    qint64 m_remaining = 0; // of a Content-Length body or of a chunk
    qint64 m_bodyBytes = 0;
    QString m_error;
};

} // namespace crosstalk::http
