// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the desk's platform settings mean for the codec, in one place: the commands it builds
// (PlatformClient) and the uploads it reads (UploadPipeline) use the same key, sign rule and zone.

#include "codec.h"

#include "core/settings.h"

namespace md {

inline CodecOptions codecOptionsFor(const PlatformSettings &platform)
{
    CodecOptions o;
    o.aesKey = platform.effectiveAesKey();
    o.encryptSensitive = platform.encryptSensitive;
    o.signMode = platform.signMode;
    o.appSecret = platform.appSecret;
    o.time = PlatformTime(platform.timeZone);
    return o;
}

} // namespace md
