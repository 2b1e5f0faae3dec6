#include "traffic/TextMatcher.h"

#define PCRE2_CODE_UNIT_WIDTH 0
#include <pcre2.h>


namespace crosstalk::traffic {

namespace {

// Each thread that matches keeps its own match data; one pair is enough, as
// only whether there is a match counts (PCRE2 returns 0 for a match that
// did not fit).
struct MatchData
{
    pcre2_match_data_8 *data8 = pcre2_match_data_create_8(1, nullptr);
    pcre2_match_data_16 *data16 = pcre2_match_data_create_16(1, nullptr);
    ~MatchData()
    {
        pcre2_match_data_free_8(data8);
        pcre2_match_data_free_16(data16);
    }
};

MatchData &matchData()
{
    thread_local MatchData data;
    return data;
}

// A pathological pattern gives up on one message instead of searching it
// for minutes; the message then counts as not matching.
constexpr uint32_t MatchLimit = 200000;

} // namespace

struct TextMatcher::Pcre
{
    pcre2_code_8 *code8 = nullptr;
    pcre2_code_16 *code16 = nullptr;
    pcre2_match_context_8 *context8 = nullptr;
    pcre2_match_context_16 *context16 = nullptr;

    ~Pcre()
    {
        pcre2_code_free_8(code8);
        pcre2_code_free_16(code16);
        pcre2_match_context_free_8(context8);
        pcre2_match_context_free_16(context16);
    }

    static std::unique_ptr<Pcre> compile(const QString &pattern, uint32_t extraOptions, QString *error, qsizetype *errorOffset)
    {
        auto pcre = std::make_unique<Pcre>();
        const uint32_t options = PCRE2_UTF | PCRE2_CASELESS | PCRE2_MATCH_INVALID_UTF | extraOptions;
        int code = 0;
        PCRE2_SIZE offset = 0;
        pcre->code16 = pcre2_compile_16(reinterpret_cast<PCRE2_SPTR16>(pattern.utf16()), PCRE2_SIZE(pattern.size()), options,
                                        &code, &offset, nullptr);
        if (pcre->code16) {
            const QByteArray utf8 = pattern.toUtf8();
            pcre->code8 = pcre2_compile_8(reinterpret_cast<PCRE2_SPTR8>(utf8.constData()), PCRE2_SIZE(utf8.size()), options,
                                          &code, &offset, nullptr);
            // The offset of an 8-bit error is in bytes: say where in the text.
            if (!pcre->code8)
                offset = PCRE2_SIZE(QString::fromUtf8(utf8.left(qsizetype(offset))).size());
        }
        if (!pcre->code16 || !pcre->code8) {
            if (error) {
                PCRE2_UCHAR16 message[256];
                const int n = pcre2_get_error_message_16(code, message, std::size(message));
                *error = n > 0 ? QString::fromUtf16(reinterpret_cast<const char16_t *>(message), n)
                               : QStringLiteral("error %1").arg(code);
            }
            if (errorOffset)
                *errorOffset = qsizetype(offset);
            return nullptr;
        }
        // Without JIT (a machine that lacks it) the interpreter matches.
        pcre2_jit_compile_16(pcre->code16, PCRE2_JIT_COMPLETE);
        pcre2_jit_compile_8(pcre->code8, PCRE2_JIT_COMPLETE);
        pcre->context8 = pcre2_match_context_create_8(nullptr);
        pcre->context16 = pcre2_match_context_create_16(nullptr);
        pcre2_set_match_limit_8(pcre->context8, MatchLimit);
        pcre2_set_match_limit_16(pcre->context16, MatchLimit);
        return pcre;
    }
};

TextMatcher::~TextMatcher() = default;

std::shared_ptr<const TextMatcher> TextMatcher::word(const QString &word)
{
    Q_ASSERT(!word.isEmpty());
    std::shared_ptr<TextMatcher> matcher(new TextMatcher);
    matcher->m_pcre = Pcre::compile(word, PCRE2_LITERAL, nullptr, nullptr);
    if (!matcher->m_pcre)
        return nullptr;
    return matcher;
}

std::shared_ptr<const TextMatcher> TextMatcher::regex(const QString &pattern, QString *error, qsizetype *errorOffset)
{
    std::shared_ptr<TextMatcher> matcher(new TextMatcher);
    matcher->m_pcre = Pcre::compile(pattern, 0, error, errorOffset);
    if (!matcher->m_pcre)
        return nullptr;
    return matcher;
}

bool TextMatcher::foundIn(QByteArrayView utf8) const
{
    static const char empty = '\0';
    const char *data = utf8.isEmpty() ? &empty : utf8.data();
    return pcre2_match_8(m_pcre->code8, reinterpret_cast<PCRE2_SPTR8>(data), PCRE2_SIZE(utf8.size()), 0, 0,
                         matchData().data8, m_pcre->context8)
        >= 0;
}

bool TextMatcher::foundIn(QStringView text) const
{
    static const char16_t empty = u'\0';
    const char16_t *data = text.isEmpty() ? &empty : text.utf16();
    return pcre2_match_16(m_pcre->code16, reinterpret_cast<PCRE2_SPTR16>(data), PCRE2_SIZE(text.size()), 0, 0,
                          matchData().data16, m_pcre->context16)
        >= 0;
}

} // namespace crosstalk::traffic
