# Shared by the benchmarks: write_serve_ini FILE DATABASE writes a meterdesk-cli serve config
# (lenient signatures, 127.0.0.1 on a free port) for the bench's appId/appSecret.
BENCH_APPID=bench-app
BENCH_SECRET=bench-secret-0123456789
write_serve_ini() { # FILE DATABASE
    cat > "$1" <<INI
[platform]
appId=$BENCH_APPID
appSecret=$BENCH_SECRET
signMode=lenient
[listener]
host=127.0.0.1
port=0
[storage]
database=$2
INI
}
