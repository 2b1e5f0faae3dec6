#pragma once

#include "jsonrpc/JsonRpcDecoder.h"

#include <QByteArray>
#include <QObject>

#include <deque>
#include <functional>
#include <memory>

namespace crosstalk::jsonrpc {

/// Decodes what a transport reads, in the order it was read, without parsing
/// megabytes on the thread the transport lives in: input above
/// InlineBytes is decoded on a worker, and everything after it waits its turn,
/// so messages still reach the session in the order they arrived. Small
/// input with nothing waiting is decoded at once, inside submit().
///
/// after() puts other work in the same order: a transport that learns a
/// stream has ended runs what follows (such as failing a request that got no
/// answer) only once the stream's messages have been delivered.
class OrderedDecoder : public QObject
{
    Q_OBJECT

public:
    /// Input up to this size is decoded on the caller's thread.
    static constexpr qsizetype DefaultInlineBytes = 256 * 1024;

    /// `result` is handed over to be moved from; `bytes` is the input, for
    /// an excerpt when it was not a message.
    using Handler = std::function<void(DecodeResult &result, const QByteArray &bytes)>;

    explicit OrderedDecoder(DecodeOptions options, QObject *parent = nullptr);
    ~OrderedDecoder() override;

    void setInlineBytes(qsizetype bytes) { m_inlineBytes = bytes; }

    /// Decodes `bytes` and calls `handler` with the result on this object's
    /// thread, after every handler and step submitted before it.
    void submit(QByteArray bytes, Handler handler);
    /// Runs `step` after everything submitted before it: at once when
    /// nothing waits.
    void after(std::function<void()> step);
    /// Forgets everything waiting: no handler or step submitted so far runs.
    void clear();
    /// Something is still being decoded or waiting for its turn.
    bool isBusy() const { return !m_queue.empty(); }

private:
    struct Item;
    void flush();

    DecodeOptions m_options;
    qsizetype m_inlineBytes = DefaultInlineBytes;
    std::deque<std::shared_ptr<Item>> m_queue;
    quint64 m_generation = 0;
    bool m_flushing = false;
};

} // namespace crosstalk::jsonrpc
