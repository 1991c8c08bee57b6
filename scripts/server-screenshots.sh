#!/bin/sh
# Screenshots of the web form, of an answer and of its page in the advice log on a phone-sized window (360 px
# wide), for README: Samples/server-form.png, server-advice.png, server-log.png. Needs Debian's chromium.
#   scripts/server-screenshots.sh
set -eu
cd "$(dirname "$0")/.."
swift build --traits Server --product advise-server >/dev/null
log=$(mktemp)
db=$(mktemp -d)
ADVISE_TODAY=2026-11-29 .build/debug/advise-server --port 0 --log-db "$db/advice-log.sqlite" >"$log" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$log" "$db"' EXIT
for _ in $(seq 50); do grep -q "http://" "$log" && break; sleep 0.1; done
base=$(sed -n 's|.*\(http://[^ ]*\)/ .*|\1|p' "$log" | head -1)
shot() { # file height url
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --lang=vi --accept-lang=vi \
    --window-size=360,"$2" --screenshot="$1" "$3" 2>/dev/null
}
shot Samples/server-form.png 1100 "$base/?lang=vi"
shot Samples/server-advice.png 2300 "$base/advice?lang=vi&land=7&land_unit=cong&capital=150tr&flood=occasional&members=4&id=H-07"
shot Samples/server-log.png 1600 "$base/log/1?lang=vi"
echo "wrote Samples/server-form.png, server-advice.png and server-log.png from $base"
