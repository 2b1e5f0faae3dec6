// libFuzzer target for the A2A stream fast path: whatever the bytes,
// readStreamEvent() must not crash, throw or hang; what it accepts, the strict
// path (the JSON-RPC decoder, then readStreamItem) must accept as the same
// item; and every item's normalised JSON, written by JsonWriter, must be JSON.
#include "a2a/TaskModel.h"
#include "jsonrpc/JsonRpcDecoder.h"
#include "util/JsonWriter.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace crosstalk;
using namespace crosstalk::a2a;
using nlohmann::json;

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

void requireWritable(const QList<Part> &parts)
{
    JsonWriter out;
    out.beginArray();
    for (const Part &p : parts)
        p.writeJson(out);
    out.endArray();
    require(json::accept(out.bytes().constData(), out.bytes().constData() + out.bytes().size()));
}

void requireWritable(const StreamItem &item)
{
    if (const auto *task = std::get_if<Task>(&item)) {
        for (const Artifact &a : task->artifacts) {
            JsonWriter out;
            a.writeJson(out);
            require(json::accept(out.bytes().constData(), out.bytes().constData() + out.bytes().size()));
        }
    } else if (const auto *message = std::get_if<Message>(&item)) {
        requireWritable(message->parts);
    } else if (const auto *status = std::get_if<StatusUpdate>(&item)) {
        if (status->status.message)
            requireWritable(status->status.message->parts);
    } else if (const auto *update = std::get_if<ArtifactUpdate>(&item)) {
        requireWritable(update->artifact.parts);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));

    // Any bytes make a JSON string.
    const QByteArray quoted = jsonString(input);
    require(json::accept(quoted.constData(), quoted.constData() + quoted.size()));

    if (const auto item = readStreamEvent(input, Envelope::JsonRpc, 64)) {
        requireWritable(*item);
        const jsonrpc::DecodeResult decoded = jsonrpc::decode(input, {false, 16 * 1024 * 1024, 64});
        require(decoded.ok());
        const auto *response = std::get_if<jsonrpc::Response>(&decoded.messages.front());
        require(response != nullptr);
        QString problem;
        const auto strict = readStreamItem(response->result, &problem);
        require(strict.has_value());
        require(strict->index() == item->index());
        if (const auto *update = std::get_if<ArtifactUpdate>(&*item))
            require(*std::get_if<ArtifactUpdate>(&*strict) == *update);
    }
    if (const auto item = readStreamEvent(input, Envelope::Bare, 64))
        requireWritable(*item);
    return 0;
}
