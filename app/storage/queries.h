// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The read side's filters and rows, all domains at once. Prefer the reader of the domain you read:
// registryreader.h, historyreader.h, commandreader.h, statsreader.h.

#include "historyreader.h"
#include "registryreader.h"
#include "statsreader.h"
