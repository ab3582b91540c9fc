// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the first byte picks the upload (and the sign mode), the rest is the body.
// Whatever the bytes, parse() must return a value or one of the spec's codes: no crash, no leak,
// no undefined behaviour, no hang.
#include "fuzzoptions.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace md;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const MessageCodec lenient(fuzz::codecOptions(SignMode::Lenient));
    static const MessageCodec strict(fuzz::codecOptions(SignMode::Strict));
    if (size < 1)
        return 0;
    const auto &uploads = Catalog::instance().uploads();
    const MessageSpec &spec = uploads[data[0] % uploads.size()];
    const MessageCodec &codec = (data[0] & 0x80) ? strict : lenient;
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    const auto r = codec.parse(spec, body);
    if (r.ok()) {
        if (r->spec != &spec)
            std::abort();
        // Every accepted value is typed as the catalogue says: touching them must be safe.
        for (auto it = r->record.fields.cbegin(); it != r->record.fields.cend(); ++it)
            (void)it->text.size();
    } else {
        const QString &code = r.error().code;
        if (code != u"9002" && code != u"9003" && code != u"1301" && code != u"1302")
            std::abort();
        (void)r.error().message();
    }
    return 0;
}
