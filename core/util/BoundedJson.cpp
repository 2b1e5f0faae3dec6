#include "util/BoundedJson.h"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

namespace crosstalk {

using nlohmann::json;

void appendPointerToken(std::string &pointer, const std::string &token)
{
    pointer += '/';
    for (const char c : token) {
        if (c == '~')
            pointer += "~0";
        else if (c == '/')
            pointer += "~1";
        else
            pointer += c;
    }
}

namespace {

// Builds the DOM like nlohmann's own SAX DOM parser, but refuses to open a
// container beyond the depth limit, which ends parsing at once.
class DomBuilder
{
public:
    DomBuilder(json &root, int maxDepth)
        : m_root(root)
        , m_maxDepth(maxDepth)
    { }

    bool null() { return put(nullptr), true; }
    bool boolean(bool value) { return put(value), true; }
    bool number_integer(json::number_integer_t value) { return put(value), true; }
    bool number_unsigned(json::number_unsigned_t value) { return put(value), true; }
    bool number_float(json::number_float_t value, const json::string_t &) { return put(value), true; }
    bool string(json::string_t &value) { return put(std::move(value)), true; }
    bool binary(json::binary_t &value) { return put(std::move(value)), true; }
    bool start_object(std::size_t) { return open(json::value_t::object); }
    bool start_array(std::size_t) { return open(json::value_t::array); }
    bool end_object() { return m_stack.pop_back(), true; }
    bool end_array() { return m_stack.pop_back(), true; }

    bool key(json::string_t &name)
    {
        m_slot = &m_stack.back()->get_ref<json::object_t &>()[std::move(name)];
        return true;
    }

    bool parse_error(std::size_t position, const std::string &, const json::exception &error)
    {
        m_errorPosition = position;
        m_errorText = error.what();
        return false;
    }

    bool tooDeep() const { return m_tooDeep; }
    const std::string &tooDeepPointer() const { return m_tooDeepPointer; }
    std::size_t errorPosition() const { return m_errorPosition; }
    const std::string &errorText() const { return m_errorText; }

private:
    template<typename Value> json *put(Value &&value)
    {
        if (m_stack.empty()) {
            m_root = json(std::forward<Value>(value));
            return &m_root;
        }
        json &parent = *m_stack.back();
        if (parent.is_array()) {
            auto &array = parent.get_ref<json::array_t &>();
            array.emplace_back(std::forward<Value>(value));
            return &array.back();
        }
        *m_slot = json(std::forward<Value>(value));
        return m_slot;
    }

    bool open(json::value_t type)
    {
        if (m_stack.size() >= std::size_t(std::max(m_maxDepth, 0))) {
            m_tooDeep = true;
            m_tooDeepPointer = pointerToNextValue();
            return false;
        }
        m_stack.push_back(put(type));
        return true;
    }

    // The pointer of the value about to be added; only on the error path.
    std::string pointerToNextValue() const
    {
        std::string pointer;
        for (std::size_t level = 0; level < m_stack.size(); ++level) {
            const json &container = *m_stack[level];
            const json *child = level + 1 < m_stack.size() ? m_stack[level + 1] : nullptr;
            if (container.is_array()) {
                const std::size_t size = container.size();
                pointer += '/';
                pointer += std::to_string(child ? size - 1 : size);
                continue;
            }
            const json *target = child ? child : m_slot;
            for (auto it = container.cbegin(); it != container.cend(); ++it) {
                if (&it.value() == target) {
                    appendPointerToken(pointer, it.key());
                    break;
                }
            }
        }
        return pointer;
    }

    json &m_root;
    int m_maxDepth;
    std::vector<json *> m_stack;
    json *m_slot = nullptr;
    bool m_tooDeep = false;
    std::string m_tooDeepPointer;
    std::size_t m_errorPosition = 0;
    std::string m_errorText;
};

constexpr qsizetype MaxParserDetail = 200;

// "[json.exception.parse_error.101] parse error at line 1, column 4: syntax
// error ..." loses its prefix and location: the offset says where.
QString parserDetail(const std::string &what)
{
    std::string_view detail = what;
    if (detail.starts_with("[json.exception.")) {
        const auto end = detail.find("] ");
        if (end != std::string_view::npos)
            detail.remove_prefix(end + 2);
    }
    if (detail.starts_with("parse error")) {
        const auto colon = detail.find(": ");
        if (colon != std::string_view::npos)
            detail.remove_prefix(colon + 2);
    }
    const QString text = QString::fromUtf8(detail.data(), qsizetype(detail.size()));
    return text.size() > MaxParserDetail ? text.left(MaxParserDetail) + QChar(0x2026) : text;
}

} // namespace

std::optional<json> readJson(QByteArrayView bytes, int maxDepth, JsonReadError *error)
{
    static const char empty = 0;
    const char *begin = bytes.isEmpty() ? &empty : bytes.data();
    json root;
    DomBuilder builder(root, maxDepth);
    bool parsed = false;
    std::string what;
    try {
        parsed = json::sax_parse(begin, begin + bytes.size(), &builder, json::input_format_t::json, true, false);
    } catch (const json::exception &e) {
        // The parser reports through parse_error(); this is only a guard.
        what = e.what();
    }
    if (parsed && !builder.tooDeep())
        return root;
    JsonReadError e;
    if (builder.tooDeep()) {
        e.kind = JsonReadError::Kind::TooDeep;
        e.pointer = builder.tooDeepPointer();
    } else {
        // nlohmann counts the byte it stopped at from 1 ("[1,]" stops at 4).
        const std::size_t position = builder.errorPosition();
        e.offset = position > 0 ? qint64(position) - 1 : 0;
        e.detail = parserDetail(what.empty() ? builder.errorText() : what);
    }
    if (error)
        *error = std::move(e);
    return std::nullopt;
}

std::optional<std::string> tooDeepPointer(const json &root, int maxDepth)
{
    if (!root.is_structured())
        return std::nullopt;
    if (maxDepth < 1)
        return std::string();
    struct Frame
    {
        const json *value;
        json::const_iterator next;
        std::size_t index;
    };
    std::vector<Frame> frames;
    frames.push_back({ &root, root.cbegin(), 0 });
    while (!frames.empty()) {
        Frame &top = frames.back();
        if (top.next == top.value->cend()) {
            frames.pop_back();
            continue;
        }
        const json &child = *top.next;
        ++top.next;
        ++top.index;
        if (!child.is_structured())
            continue;
        if (frames.size() >= std::size_t(maxDepth)) {
            std::string pointer;
            for (const Frame &frame : frames) {
                if (frame.value->is_array())
                    appendPointerToken(pointer, std::to_string(frame.index - 1));
                else
                    appendPointerToken(pointer, std::prev(frame.next).key());
            }
            return pointer;
        }
        frames.push_back({ &child, child.cbegin(), 0 });
    }
    return std::nullopt;
}

size_t approxJsonBytes(const nlohmann::json &value, size_t limit)
{
    size_t total = 0;
    std::vector<const nlohmann::json *> stack {&value};
    while (!stack.empty() && total <= limit) {
        const nlohmann::json *v = stack.back();
        stack.pop_back();
        total += 16;
        if (v->is_string()) {
            total += v->get_ref<const std::string &>().size();
        } else if (v->is_object()) {
            for (auto it = v->begin(); it != v->end() && total <= limit; ++it) {
                total += it.key().size() + 48; // the map node
                stack.push_back(&it.value());
            }
        } else if (v->is_array()) {
            for (auto it = v->begin(); it != v->end() && total <= limit; ++it)
                stack.push_back(&*it);
        }
    }
    return total;
}

} // namespace crosstalk
