#include "http/SseParser.h"

#include <cstring>

namespace crosstalk::http {

namespace {

constexpr char Bom[] = "\xEF\xBB\xBF"; // NUL-terminated, three bytes used

// A line longer than this that was split across chunks gives its buffer back
// once handled, so one large event does not pin memory for the stream's life.
constexpr qsizetype KeepLineCapacity = 64 * 1024;

const char *findOrEnd(const char *from, const char *end, char c)
{
    const void *hit = std::memchr(from, c, static_cast<size_t>(end - from));
    return hit ? static_cast<const char *>(hit) : end;
}

bool equals(const char *begin, qsizetype length, const char *literal, qsizetype literalLength)
{
    return length == literalLength && std::memcmp(begin, literal, static_cast<size_t>(length)) == 0;
}

} // namespace

SseParser::SseParser(qsizetype maxEventBytes)
    : m_maxEventBytes(maxEventBytes > 0 ? maxEventBytes : DefaultMaxEventBytes)
{
}

void SseParser::reset()
{
    m_line.clear();
    m_data.clear();
    m_eventType.clear();
    m_lastEventId.clear();
    m_retryMs.reset();
    m_error.reset();
    m_bytesFed = 0;
    m_bomBytesSeen = 0;
    m_atStreamStart = true;
    m_skipLeadingLf = false;
}

void SseParser::finish()
{
    // WHATWG: at the end of the stream any pending data is discarded; an event
    // without its blank line is never dispatched.
    m_line.clear();
    m_data.clear();
    m_eventType.clear();
    m_error.reset();
    m_bytesFed = 0;
    m_bomBytesSeen = 0;
    m_atStreamStart = true;
    m_skipLeadingLf = false;
}

void SseParser::fail(qint64 offset)
{
    m_error = SseError{SseError::Kind::EventTooLarge,
                       tr("Event stream: an event at byte %1 is larger than the limit of %2 bytes; "
                          "the stream was stopped.")
                           .arg(offset)
                           .arg(m_maxEventBytes),
                       offset};
    m_line.clear();
    m_data.clear();
    m_eventType.clear();
}

bool SseParser::feed(QByteArrayView chunk)
{
    if (m_error)
        return false;

    const char *const start = chunk.data();
    const char *p = start;
    const char *const end = start + chunk.size();

    // A byte order mark is only skipped at the very start of the stream, and
    // it may itself arrive split across chunks.
    while (m_atStreamStart && p < end) {
        if (*p == Bom[m_bomBytesSeen]) {
            ++p;
            if (++m_bomBytesSeen == 3)
                m_atStreamStart = false;
        } else {
            // Not a BOM after all: the bytes matched so far are content.
            m_line.append(Bom, m_bomBytesSeen);
            m_atStreamStart = false;
        }
    }

    if (m_skipLeadingLf && p < end) {
        m_skipLeadingLf = false;
        if (*p == '\n')
            ++p;
    }

    // The next CR and LF are looked up once each and reused until passed, so
    // a chunk is scanned in linear time whatever its mix of line ends.
    const char *nextLf = nullptr;
    const char *nextCr = nullptr;
    while (p < end) {
        if (!nextLf || nextLf < p)
            nextLf = findOrEnd(p, end, '\n');
        if (!nextCr || nextCr < p)
            nextCr = findOrEnd(p, end, '\r');
        const char *lineEnd = nextCr < nextLf ? nextCr : nextLf;
        const qsizetype pieceLength = lineEnd - p;

        if (m_line.size() + pieceLength + m_data.size() > m_maxEventBytes) {
            fail(m_bytesFed + (p - start) + pieceLength);
            m_bytesFed += chunk.size();
            return false;
        }

        if (lineEnd == end) {
            m_line.append(p, pieceLength);
            break;
        }

        bool ok;
        if (m_line.isEmpty()) {
            ok = processLine(p, pieceLength);
        } else {
            m_line.append(p, pieceLength);
            ok = processLine(m_line.constData(), m_line.size());
            if (m_line.capacity() > KeepLineCapacity)
                m_line = QByteArray();
            else
                m_line.resize(0);
        }
        if (!ok) {
            fail(m_bytesFed + (lineEnd - start));
            m_bytesFed += chunk.size();
            return false;
        }
        if (m_error) // the handler reset or failed us
            break;

        p = lineEnd + 1;
        if (*lineEnd == '\r') {
            if (p < end) {
                if (*p == '\n')
                    ++p;
            } else {
                m_skipLeadingLf = true;
            }
        }
    }

    m_bytesFed += chunk.size();
    return !m_error;
}

bool SseParser::processLine(const char *begin, qsizetype length)
{
    if (length == 0) {
        dispatch();
        return true;
    }
    if (*begin == ':')
        return true; // comment

    const char *const lineEnd = begin + length;
    const char *colon = findOrEnd(begin, lineEnd, ':');
    const qsizetype fieldLength = colon - begin;
    const char *value = colon == lineEnd ? lineEnd : colon + 1;
    if (value < lineEnd && *value == ' ')
        ++value;
    const qsizetype valueLength = lineEnd - value;

    if (equals(begin, fieldLength, "data", 4)) {
        if (m_data.size() + valueLength + 1 > m_maxEventBytes)
            return false;
        m_data.append(value, valueLength);
        m_data.append('\n');
    } else if (equals(begin, fieldLength, "event", 5)) {
        m_eventType = QByteArray(value, valueLength);
    } else if (equals(begin, fieldLength, "id", 2)) {
        if (!std::memchr(value, '\0', static_cast<size_t>(valueLength)))
            m_lastEventId = QByteArray(value, valueLength);
    } else if (equals(begin, fieldLength, "retry", 5)) {
        // Only ASCII digits count; anything else, or a number too large to
        // hold, leaves the reconnection time unchanged.
        if (valueLength == 0 || valueLength > 18)
            return true;
        qint64 ms = 0;
        for (const char *c = value; c < lineEnd; ++c) {
            if (*c < '0' || *c > '9')
                return true;
            ms = ms * 10 + (*c - '0');
        }
        m_retryMs = ms;
        if (m_onRetry)
            m_onRetry(ms);
    }
    // Any other field is ignored.
    return true;
}

void SseParser::dispatch()
{
    if (m_data.isEmpty()) {
        m_eventType.clear();
        return;
    }
    m_data.chop(1); // the LF after the last data line

    SseEvent event;
    event.type = m_eventType.isEmpty() ? QStringLiteral("message") : QString::fromUtf8(m_eventType);
    event.data = m_data; // shared; a handler that keeps it keeps its own
    event.lastEventId = m_lastEventId;
    m_eventType.clear();
    if (m_onEvent)
        m_onEvent(event);
    event.data = QByteArray();
    // The buffer is reused for the next event unless a handler kept it (then
    // it detaches) or it grew large for one event.
    if (m_data.capacity() > KeepLineCapacity)
        m_data = QByteArray();
    else
        m_data.resize(0);
}

} // namespace crosstalk::http
