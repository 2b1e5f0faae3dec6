#pragma once

#include "jsonrpc/JsonRpcMessage.h"

#include <QByteArrayView>
#include <QMetaType>
#include <QString>

#include <optional>
#include <vector>

namespace crosstalk::jsonrpc {

/// Why bytes or JSON are not a JSON-RPC 2.0 message.
struct DecodeError
{
    Q_GADGET

public:
    enum class Kind {
        NotJson, ///< not parseable, invalid UTF-8 included; offset is set
        NotAnObject, ///< the top level (or a batch element) is no object
        WrongVersion, ///< "jsonrpc" missing or not exactly "2.0"
        MissingMethod, ///< no "method", "id", "result" or "error"
        BadMethod, ///< "method" not a string, or empty
        BadParams, ///< "params" present but not an object or array
        BadId, ///< "id" not a string, integer or null, or a response without one
        ResultAndError, ///< a response with both "result" and "error"
        NeitherResultNorError, ///< an "id" but no "method", "result" or "error"
        BadError, ///< "error" not an object with integer "code" and string "message"
        UnexpectedBatch, ///< an array while batches are not allowed
        EmptyBatch, ///< an empty array
        TooDeep, ///< nesting deeper than DecodeOptions::maxDepth
        TooLarge, ///< input longer than DecodeOptions::maxBytes; offset is maxBytes
    };
    Q_ENUM(Kind)

    Kind kind = Kind::NotJson;
    /// For people, translated; names the place (pointer or byte offset). A
    /// pointer longer than 256 characters is shortened in the middle here.
    QString message;
    /// 0-based index of the byte where reading stopped (the input's size when
    /// it ended too early); -1 when the error is about the JSON structure.
    qint64 offset = -1;
    /// JSON pointer of the member that is missing, wrong or conflicting
    /// ("/id", "/error/code", "/2/method" for batch element 2); empty for the
    /// top level itself or for errors that have an offset instead.
    QString pointer;
};

/// Either the decoded messages or an error, never both: a batch with one bad
/// element fails whole, with the pointer of the first bad element's member.
struct DecodeResult
{
    std::vector<Message> messages;
    bool batch = false; ///< the input was an array (even of one message)
    std::optional<DecodeError> error;

    bool ok() const { return !error.has_value(); }
};

struct DecodeOptions
{
    bool allowBatch = false;
    qsizetype maxBytes = qsizetype(64) * 1024 * 1024;
    /// Arrays and objects nested deeper than this fail; the top-level value
    /// is depth 1 (a batch's messages are at depth 2).
    int maxDepth = 256;
};

/// Strictly decodes JSON text into JSON-RPC 2.0 messages. Never throws.
/// Depth is checked while parsing, so hostile nesting costs no stack.
/// Members other than those of JSON-RPC are allowed and ignored; a message
/// with "method" is a request or notification whatever else it holds.
DecodeResult decode(QByteArrayView bytes, const DecodeOptions &options = {});

/// The same rules for JSON that the caller has already parsed. maxBytes does
/// not apply; maxDepth is checked without recursion. The rvalue overload
/// moves params and results out instead of copying them.
DecodeResult decodeJson(const nlohmann::json &value, const DecodeOptions &options = {});
DecodeResult decodeJson(nlohmann::json &&value, const DecodeOptions &options = {});

} // namespace crosstalk::jsonrpc
