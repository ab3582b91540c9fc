# Every acknowledged upload's 24 hourly readings are in the database:
#   python3 check_acked.py ACKED_TXT STORED_CSV [LABEL]
# ACKED_TXT: "meterNo,first dataTime" per 0000 (uploads.lua's MD_ACK_LOG); STORED_CSV: `history readings` CSV.
import sys, csv, datetime
acked = [l.strip().split(",", 1) for l in open(sys.argv[1]) if l.strip()]
stored = {}
for row in csv.reader(open(sys.argv[2], encoding="utf-8-sig")):
    stored.setdefault(row[0], set()).add(row[1])
missing = 0
for meter, first in acked:
    t0 = datetime.datetime.strptime(first, "%Y-%m-%d %H:%M:%S")
    for h in range(24):
        if (t0 + datetime.timedelta(hours=h)).strftime("%Y-%m-%d %H:%M:%S") not in stored.get(meter, ()):
            missing += 1
total = sum(len(v) for v in stored.values())
label = sys.argv[3] + ": " if len(sys.argv) > 3 else ""
print(f"{label}acknowledged uploads: {len(acked)} ({len(acked) * 24} readings); readings in the database after restart: {total}; "
      f"acknowledged readings missing: {missing}")
sys.exit(1 if missing or not acked else 0)
