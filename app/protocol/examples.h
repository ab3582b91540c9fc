// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Valid example bodies generated from the catalogue: for tests, the simulator, the benchmarks and
// the fuzzer's seed corpus. Values are plain (not encrypted, not signed); run them through
// MessageCodec::build to get a wire body.

#include "catalog.h"

#include <QByteArray>
#include <QJsonObject>

namespace md::Examples {

// Every field filled with a valid plain value; lists get two elements whose meterNo / dataTime differ.
QJsonObject validPlainBody(const MessageSpec &spec);
// A valid plain value of one field (for a list: its two-element array).
QJsonValue validPlainValue(const FieldSpec &field, int index = 0);
// A meterDataUpBatch body: `meters` meters with `readingsPerMeter` hourly readings each, compact JSON.
QByteArray meterDataUpBatchBody(int meters, int readingsPerMeter, int firstMeterNo = 30000001);

} // namespace md::Examples
