#!/usr/bin/env bash
# Loads a running-from-scratch pitwall serve with wrk (Debian's wrk package) and prints each endpoint's figures.
#   bench/server/load.sh h2                    the embedded database in a temporary directory (H2_OPTIONS=";AUTO_SERVER=TRUE"
#                                              for builds before 2026-12-06, whose token command needed it)
#   bench/server/load.sh jdbc:postgresql://... PostgreSQL (PGUSER, PGPASSWORD from the environment; a fresh schema)
# Needs the packaged jar (./mvnw -q -DskipTests install; JAR=... for another build, such as a baseline's). Figures go
# into docs/performance.md by hand, with the date. Each run starts with 20 s of unreported load to warm the JIT up.
set -euo pipefail
cd "$(dirname "$0")/../.."
db="${1:-h2}"
duration="${DURATION:-20s}"
connections="${CONNECTIONS:-16}"
java="$(ls -d /usr/lib/jvm/*/bin/java | sort -V | tail -n 1)"
jar="${JAR:-cli/target/pitwall.jar}"
data="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"' EXIT

if [ "$db" = h2 ]; then
  url="jdbc:h2:file:$data/pitwall${H2_OPTIONS:-}"
else
  schema="load$(date +%s)"
  psql "${db#jdbc:}" -q -c "create schema $schema"
  url="$db?currentSchema=$schema"
fi
PITWALL_HOME="$PWD" PITWALL_DATA="$data" "$java" -Xmx1g -jar "$jar" serve --port 0 --db "$url" > "$data/log" 2>&1 &
server=$!
until grep -q "Pitwall serving" "$data/log"; do kill -0 "$server"; sleep 0.2; done
port="$(sed -n 's/.*Pitwall serving http:\/\/127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' "$data/log")"
base="http://127.0.0.1:$port/api/championships"
token="$(PITWALL_HOME="$PWD" PITWALL_DATA="$data" "$java" -jar "$jar" token create --name load --role steward --db "$url" | grep '^pw_')"

run() { # name, wrk arguments...
  local name="$1"; shift
  wrk --latency -t2 -c"$connections" -d"$duration" "$@" > "$data/wrk" 2>&1 || { cat "$data/wrk"; return 1; }
  printf '%-34s %10s req/s   p50 %8s   p99 %8s\n' "$name" \
    "$(sed -n 's/^Requests\/sec: *//p' "$data/wrk")" \
    "$(awk '$1=="50%"{print $2}' "$data/wrk")" "$(awk '$1=="99%"{print $2}' "$data/wrk")"
}

wrk -t2 -c"$connections" -d10s "$base/gtws-2024-nations-cup/standings" >/dev/null
for path in "" /gtws-2024-nations-cup/history /gtws-2024-nations-cup/races/grand-final/results; do
  wrk -t2 -c"$connections" -d3s "$base$path" >/dev/null
done
echo "database: $db  connections: $connections  duration: $duration  $(nproc) cores  $("$java" -version 2>&1 | head -n 1)"
run "GET standings" "$base/gtws-2024-nations-cup/standings"
run "GET championships (list)" "$base"
run "GET history" "$base/gtws-2024-nations-cup/history"
run "GET results" "$base/gtws-2024-nations-cup/races/grand-final/results"
# Writes: each one replays the championship's history, so a longer run measures a longer history too.
PITWALL_TOKEN="$token" run "POST penalty (1 writer, 5 s)" -c1 -t1 -d5s -s bench/server/penalty.lua \
  "$base/gtws-2024-nations-cup/races/grand-final/penalties"
# The same with three event-stream clients that never read a byte: writes must not wait for them.
for fd in 5 6 7; do
  eval "exec $fd<>/dev/tcp/127.0.0.1/$port"
  printf 'GET /api/championships/gtws-2024-nations-cup/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n' >&"$fd"
done
PITWALL_TOKEN="$token" run "POST penalty, 3 clients never read" -c1 -t1 -d5s -s bench/server/penalty.lua \
  "$base/gtws-2024-nations-cup/races/grand-final/penalties"
exec 5>&- 6>&- 7>&-
# And again without them, the history now longer: the idle clients' run lies between the two.
PITWALL_TOKEN="$token" run "POST penalty again (no idle clients)" -c1 -t1 -d5s -s bench/server/penalty.lua \
  "$base/gtws-2024-nations-cup/races/grand-final/penalties"
