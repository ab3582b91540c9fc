# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the CPack MSI on a Windows runner and checks what the user gets (used by
# .github/workflows/windows.yml; needs an elevated shell, which GitHub's runners are):
#   packaging/windows/verify-msi.ps1 -Msi MeterDesk-0.1.0-win64.msi -Version 0.1.0 `
#       -UpgradeMsi MeterDesk-0.1.1-win64.msi -UpgradeVersion 0.1.1
# 1. per-machine install under Program Files\MeterDesk, Start-menu shortcut, Qt runtime deployed
#    (SQLite + PostgreSQL drivers, TLS backends, qt_zh_CN.qm), packaged meterdesk-cli runs;
# 2. the firewall feature is off by default; installing it with ADDLOCAL adds the netsh rule;
# 3. a newer MSI (same UpgradeCode) replaces the installed one: one product entry, new version;
# 4. uninstall removes the program and the rule but leaves per-user data alone.
param(
    [Parameter(Mandatory = $true)][string]$Msi,
    [Parameter(Mandatory = $true)][string]$Version,
    [string]$UpgradeMsi = '',
    [string]$UpgradeVersion = ''
)
$ErrorActionPreference = 'Stop'
$failures = 0
function Fail([string]$what) { Write-Host "verify-msi: FAIL: $what" -ForegroundColor Red; $script:failures++ }
function Ok([string]$what) { Write-Host "verify-msi: ok: $what" }
function Run-Msiexec([string[]]$arguments, [string]$log) {
    $p = Start-Process msiexec.exe -ArgumentList ($arguments + @('/qn', '/norestart', '/l*v', $log)) -Wait -PassThru
    if ($p.ExitCode -ne 0) {
        Get-Content $log -Tail 60 | Write-Host
        throw "msiexec $($arguments -join ' ') exited with $($p.ExitCode)"
    }
}
function Product-Entries {
    $keys = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\*',
            'HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\*'
    @(Get-ItemProperty $keys -ErrorAction SilentlyContinue | Where-Object { $_.DisplayName -eq 'MeterDesk' })
}
function Firewall-Rule { netsh advfirewall firewall show rule name="MeterDesk receiver" 2>$null | Out-String }

$Msi = (Resolve-Path $Msi).Path
$logDir = Join-Path $env:RUNNER_TEMP 'msi-logs'
New-Item -ItemType Directory -Force $logDir | Out-Null
$root = Join-Path $env:ProgramFiles 'MeterDesk'
$bin = Join-Path $root 'bin'

# --- 1. default install ---------------------------------------------------------------------
Run-Msiexec @('/i', "`"$Msi`"") (Join-Path $logDir 'install.log')
# From here on the installed programs see only the deployed runtime, not the build's Qt/OpenSSL.
$env:PATH = "$env:SystemRoot\system32;$env:SystemRoot;$env:SystemRoot\System32\WindowsPowerShell\v1.0"
foreach ($f in 'bin\meterdesk.exe', 'bin\meterdesk-cli.exe', 'bin\qinchuan-sim.exe',
               'bin\Qt6Core.dll', 'bin\Qt6HttpServer.dll', 'bin\Qt6Sql.dll', 'bin\Qt6Widgets.dll',
               'bin\libcrypto-3-x64.dll', 'bin\libssl-3-x64.dll', 'bin\qt.conf',
               'plugins\platforms\qwindows.dll', 'plugins\sqldrivers\qsqlite.dll',
               'plugins\sqldrivers\qsqlpsql.dll', 'plugins\tls\qschannelbackend.dll',
               'plugins\tls\qopensslbackend.dll', 'translations\qt_zh_CN.qm') {
    if (Test-Path (Join-Path $root $f)) { Ok "installed $f" } else { Fail "missing $root\$f" }
}
if (Test-Path (Join-Path $bin 'libpq.dll')) { Ok 'libpq.dll bundled for qsqlpsql' }
else { Write-Host 'verify-msi: note: libpq.dll not bundled (MD_LIBPQ_DIR unset): PostgreSQL needs it on PATH' }
$shortcut = Join-Path $env:ProgramData 'Microsoft\Windows\Start Menu\Programs\MeterDesk\MeterDesk.lnk'
if (Test-Path $shortcut) {
    $target = (New-Object -ComObject WScript.Shell).CreateShortcut($shortcut).TargetPath
    if ($target -ieq (Join-Path $bin 'meterdesk.exe')) { Ok "Start-menu shortcut -> $target" }
    else { Ok "Start-menu shortcut present (advertised or target '$target')" }
} else { Fail "no all-users Start-menu shortcut at $shortcut" }
$entries = Product-Entries
if ($entries.Count -eq 1 -and $entries[0].DisplayVersion -eq $Version) { Ok "one product entry, version $Version" }
else { Fail "expected one MeterDesk entry with version $Version, found $($entries.Count): $($entries | ForEach-Object DisplayVersion)" }
$exeVersion = (Get-Item (Join-Path $bin 'meterdesk.exe')).VersionInfo.ProductVersion
if ($exeVersion -eq $Version) { Ok "meterdesk.exe version resource $exeVersion" } else { Fail "meterdesk.exe ProductVersion '$exeVersion'" }
$out = & (Join-Path $bin 'meterdesk-cli.exe') --version 2>&1 | Out-String
if ($LASTEXITCODE -eq 0 -and $out.Trim() -eq "meterdesk-cli $Version") { Ok "installed meterdesk-cli --version: $($out.Trim())" }
else { Fail "installed meterdesk-cli --version exited $LASTEXITCODE with '$out'" }
# The deployed SQLite driver loads from the installed tree (no Qt on PATH for this check).
$help = & (Join-Path $bin 'meterdesk-cli.exe') --help 2>&1 | Out-String
if ($help -match '(?m)^\s+serve\s') {
    $listener = New-Object System.Net.Sockets.TcpListener([System.Net.IPAddress]::Loopback, 0)
    $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
    $db = Join-Path $env:RUNNER_TEMP 'md-verify.sqlite'
    # serve refuses to start without the credentials that authenticate uploads (protocol.md 9).
    $ini = Join-Path $env:RUNNER_TEMP 'md-verify.ini'
    Set-Content -Path $ini -Encoding ascii -Value "[platform]`r`nappId=package-check`r`nappSecret=package-check-secret"
    $serveLog = Join-Path $logDir 'serve.log'
    $p = Start-Process (Join-Path $bin 'meterdesk-cli.exe') -ArgumentList 'serve', '--config', "`"$ini`"", '--listen', "127.0.0.1:$port", '--database', "`"$db`"" `
        -RedirectStandardOutput $serveLog -RedirectStandardError "$serveLog.err" -PassThru -NoNewWindow
    $listening = $false
    for ($i = 0; $i -lt 300 -and -not $p.HasExited; $i++) {
        if ((Get-Content $serveLog, "$serveLog.err" -ErrorAction SilentlyContinue | Out-String) -match 'listening on http://') { $listening = $true; break }
        Start-Sleep -Milliseconds 100
    }
    if (-not $p.HasExited) { Stop-Process -Id $p.Id -Force }
    if ($listening) { Ok "installed meterdesk-cli serve listens on 127.0.0.1:$port" }
    else { Fail "installed meterdesk-cli serve did not report listening: $(Get-Content $serveLog, "$serveLog.err" -ErrorAction SilentlyContinue | Out-String)" }
} else { Write-Host 'verify-msi: note: meterdesk-cli has no serve command yet' }
if ((Firewall-Rule) -match 'MeterDesk receiver') { Fail 'firewall rule present although the feature is off by default' }
else { Ok 'no firewall rule by default' }

# --- 2. firewall feature on demand, custom port -----------------------------------------------
Run-Msiexec @('/i', "`"$Msi`"", 'ADDLOCAL=ALL', 'LISTENPORT=9123') (Join-Path $logDir 'install-firewall.log')
$rule = Firewall-Rule
if ($rule -match 'MeterDesk receiver' -and $rule -match '9123') { Ok 'firewall rule added for TCP 9123' }
else { Fail "firewall rule missing after ADDLOCAL=ALL LISTENPORT=9123: $rule" }
if ((Product-Entries).Count -eq 1) { Ok 'adding the feature kept one product entry' } else { Fail 'duplicate product entries' }

# --- 3. major upgrade: replaces, never duplicates ----------------------------------------------
if ($UpgradeMsi) {
    $UpgradeMsi = (Resolve-Path $UpgradeMsi).Path
    # LISTENPORT is not remembered between versions: pass it again when it is not the default.
    Run-Msiexec @('/i', "`"$UpgradeMsi`"", 'LISTENPORT=9123') (Join-Path $logDir 'upgrade.log')
    $entries = Product-Entries
    if ($entries.Count -eq 1 -and $entries[0].DisplayVersion -eq $UpgradeVersion) { Ok "upgrade replaced the product: one entry, version $UpgradeVersion" }
    else { Fail "after the upgrade: $($entries.Count) entries, versions $($entries | ForEach-Object DisplayVersion)" }
    $rule = Firewall-Rule
    if ($rule -match 'MeterDesk receiver' -and $rule -match '9123') { Ok 'firewall feature kept across the upgrade' }
    else { Fail "firewall rule lost in the upgrade: $rule" }
    $Msi = $UpgradeMsi
}

# --- 4. uninstall: program and rule gone, per-user data untouched -----------------------------
$dataDir = Join-Path $env:APPDATA 'MeterDesk\MeterDesk'
New-Item -ItemType Directory -Force $dataDir | Out-Null
Set-Content (Join-Path $dataDir 'keep-me.txt') 'user data'
Run-Msiexec @('/x', "`"$Msi`"") (Join-Path $logDir 'uninstall.log')
if (Test-Path (Join-Path $bin 'meterdesk-cli.exe')) { Fail 'meterdesk-cli.exe still present after uninstall' } else { Ok 'program removed' }
if ((Firewall-Rule) -match 'MeterDesk receiver') { Fail 'firewall rule left after uninstall' } else { Ok 'firewall rule removed' }
if (Test-Path (Join-Path $dataDir 'keep-me.txt')) { Ok 'per-user data left in place' } else { Fail 'uninstall removed per-user data' }
if ((Product-Entries).Count -eq 0) { Ok 'no product entry left' } else { Fail 'product entry left after uninstall' }

if ($failures -gt 0) { Write-Host "verify-msi: $failures check(s) failed"; exit 1 }
Write-Host 'verify-msi: all checks passed'
