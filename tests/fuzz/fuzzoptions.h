// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the upload-parser fuzzer and its seed-corpus writer: the same keys, so that seeds with
// encrypted values and signatures reach the deep paths of the parser.

#include "protocol/codec.h"

namespace md::fuzz {

inline CodecOptions codecOptions(SignMode mode)
{
    CodecOptions o;
    o.aesKey = "s3cr3t-KEY-01234";
    o.appSecret = QStringLiteral("s3cr3t-KEY-0123456789");
    o.signMode = mode;
    return o;
}

} // namespace md::fuzz
