-- (a) the bare server: a small fixed POST.
wrk.method = "POST"
wrk.body = '{"meterNo":"40000001","factoryCode":"QC","meterType":"01","commandSeq":"20250101000000000001","resultCode":"00"}'
wrk.headers["Content-Type"] = "application/json;charset=utf-8"
