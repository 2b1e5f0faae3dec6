#include "jsonrpc/OrderedDecoder.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

namespace crosstalk::jsonrpc {

struct OrderedDecoder::Item
{
    QByteArray bytes;
    Handler handler;
    std::function<void()> step;
    DecodeResult result;
    bool ready = false;
};

OrderedDecoder::OrderedDecoder(DecodeOptions options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
}

OrderedDecoder::~OrderedDecoder() = default;

void OrderedDecoder::submit(QByteArray bytes, Handler handler)
{
    if (m_queue.empty() && !m_flushing && bytes.size() <= m_inlineBytes) {
        DecodeResult result = decode(bytes, m_options);
        handler(result, bytes);
        return;
    }
    auto item = std::make_shared<Item>();
    item->handler = std::move(handler);
    if (bytes.size() <= m_inlineBytes) {
        item->result = decode(bytes, m_options);
        item->bytes = std::move(bytes);
        item->ready = true;
        m_queue.push_back(std::move(item));
        flush();
        return;
    }
    item->bytes = std::move(bytes);
    m_queue.push_back(item);
    // The worker reads only the item's bytes and writes only its result;
    // the item is handed back to this thread before anyone looks at either.
    const QPointer<OrderedDecoder> self(this);
    const quint64 generation = m_generation;
    const DecodeOptions options = m_options;
    QThreadPool::globalInstance()->start([self, generation, options, item] {
        DecodeResult result = decode(item->bytes, options);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, generation, item, result = std::move(result)]() mutable {
                if (!self || self->m_generation != generation)
                    return;
                item->result = std::move(result);
                item->ready = true;
                self->flush();
            },
            Qt::QueuedConnection);
    });
}

void OrderedDecoder::after(std::function<void()> step)
{
    if (m_queue.empty() && !m_flushing) {
        step();
        return;
    }
    auto item = std::make_shared<Item>();
    item->step = std::move(step);
    item->ready = true;
    m_queue.push_back(std::move(item));
    flush();
}

void OrderedDecoder::clear()
{
    ++m_generation;
    m_queue.clear();
}

void OrderedDecoder::flush()
{
    if (m_flushing)
        return; // the loop below goes on with what was added
    m_flushing = true;
    const QPointer<OrderedDecoder> self(this);
    while (!m_queue.empty() && m_queue.front()->ready) {
        const std::shared_ptr<Item> item = std::move(m_queue.front());
        m_queue.pop_front();
        // A handler may close the transport, clear this decoder (what it
        // submits afterwards goes on in this loop) or delete it.
        if (item->step)
            item->step();
        else
            item->handler(item->result, item->bytes);
        if (!self)
            return;
    }
    m_flushing = false;
}

} // namespace crosstalk::jsonrpc
