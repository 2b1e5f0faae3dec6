// libFuzzer target for the JSON-RPC decoder: whatever the bytes, decode()
// must not crash, throw or hang; what it accepts must survive a round trip
// through encode() unchanged and say what the input said; and decodeJson()
// must agree with decode().
#include "jsonrpc/JsonRpcDecoder.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace crosstalk::jsonrpc;
using nlohmann::json;

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

void checkError(const DecodeResult &result, QByteArrayView input)
{
    const DecodeError &error = *result.error;
    require(result.messages.empty());
    require(!error.message.isEmpty());
    const bool hasOffset = error.kind == DecodeError::Kind::NotJson || error.kind == DecodeError::Kind::TooLarge;
    require(hasOffset == (error.offset >= 0));
    require(error.offset <= input.size());
    require(error.pointer.isEmpty() || error.pointer.startsWith(QLatin1Char('/')));
}

void checkRoundTrip(const DecodeResult &result, const DecodeOptions &options)
{
    for (const Message &message : result.messages) {
        const DecodeResult again = decode(encode(message));
        require(again.ok() && !again.batch && again.messages.size() == 1);
        require(again.messages.front() == message);
    }
    if (result.batch) {
        json array = json::array();
        for (const Message &message : result.messages)
            array.push_back(toJson(message));
        const std::string text = array.dump();
        const DecodeResult again = decode(QByteArrayView(text.data(), qsizetype(text.size())), options);
        require(again.ok() && again.batch && again.messages == result.messages);
    }
}

// Every member the message keeps holds what the input held (nothing lost in
// the conversion to Qt strings, ids or error codes).
void checkFaithful(const json &original, const Message &message)
{
    const json encoded = toJson(message);
    for (const auto &[key, value] : encoded.items()) {
        require(original.contains(key));
        if (key != "error") {
            require(original.at(key) == value);
            continue;
        }
        for (const auto &[member, memberValue] : value.items())
            require(original.at(key).contains(member) && original.at(key).at(member) == memberValue);
    }
}

void checkDecodeJsonAgrees(const DecodeResult &result, QByteArrayView input, const DecodeOptions &options)
{
    const json parsed = json::parse(input.begin(), input.end(), nullptr, false);
    if (parsed.is_discarded())
        return; // not JSON (or stopped early for depth): nothing to compare
    const DecodeResult fromJson = decodeJson(parsed, options);
    require(fromJson.ok() == result.ok());
    if (result.ok()) {
        require(fromJson.batch == result.batch && fromJson.messages == result.messages);
        for (std::size_t i = 0; i < result.messages.size(); ++i)
            checkFaithful(result.batch ? parsed.at(i) : parsed, result.messages[i]);
        return;
    }
    require(fromJson.error->kind == result.error->kind);
    // Depth is found in document order by one and key order by the other.
    if (result.error->kind != DecodeError::Kind::TooDeep) {
        require(fromJson.error->pointer == result.error->pointer);
        require(fromJson.error->message == result.error->message);
    }
}

void check(QByteArrayView input, bool allowBatch)
{
    DecodeOptions options;
    options.allowBatch = allowBatch;
    const DecodeResult result = decode(input, options);
    require(result.ok() != result.error.has_value());
    if (result.ok()) {
        require(!result.messages.empty());
        require(allowBatch || !result.batch);
        require(result.batch || result.messages.size() == 1);
        checkRoundTrip(result, options);
    } else {
        checkError(result, input);
    }
    checkDecodeJsonAgrees(result, input, options);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    check(input, false);
    check(input, true);
    return 0;
}
