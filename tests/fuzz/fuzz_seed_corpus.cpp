// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the fuzzer's seed corpus into the folder given as argument: one file per upload and variant
// (first byte = upload index, | 0x80 for the strict-sign variant, then the body).
#include "fuzzoptions.h"
#include "protocol/examples.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>

using namespace md;

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <corpus-dir>\n", argv[0]);
        return 2;
    }
    const QDir dir(QString::fromLocal8Bit(argv[1]));
    if (!QDir().mkpath(dir.path()))
        return 1;
    const auto &uploads = Catalog::instance().uploads();
    int written = 0;
    for (qsizetype i = 0; i < uploads.size(); ++i) {
        for (bool encrypt : {false, true}) {
            CodecOptions o = fuzz::codecOptions(SignMode::Lenient);
            o.encryptSensitive = encrypt;
            const auto wire = MessageCodec(o).build(uploads[i], Examples::validPlainBody(uploads[i]));
            if (!wire.ok())
                return 1;
            const QByteArray body = QJsonDocument(*wire).toJson(QJsonDocument::Compact);
            for (char prefix : {char(i), char(i | 0x80)}) {
                QFile f(dir.filePath(QStringLiteral("%1-%2-%3").arg(uploads[i].name).arg(encrypt ? "aes" : "plain")
                                         .arg(prefix & 0x80 ? "strict" : "lenient")));
                if (!f.open(QIODevice::WriteOnly))
                    return 1;
                f.write(QByteArray(1, prefix) + body);
                ++written;
            }
        }
    }
    std::printf("%d seeds in %s\n", written, argv[1]);
    return 0;
}
