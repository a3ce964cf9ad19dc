#!/usr/bin/env bash
# Restart benchmark: fills a SQLite store with N generated complaints (once; kept in .build/bench/), then
# starts `swell serve` on it and reports the seconds until /readyz answers 200 and until the detector has
# rebuilt its index from the stored placements (it places the complaints on the first start).
# Usage: scripts/bench/restart.sh [N=1000000] [BINARY=.build-release/release/swell]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1000000}
swell=${2:-.build-release/release/swell}
dir=.build/bench
mkdir -p "$dir"
db="$dir/restart-$n.sqlite"
port=18931

wait_ready() {
  local started=$1
  until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.05; done
  echo "$(date +%s.%N) - $started" | bc
}

if [ ! -f "$db" ]; then
  echo "generating and importing $n complaints (once)..." >&2
  "$swell" generate --seed 9 --incidents $((n / 2000)) --background "$n" --days 60 --output "$dir/stream-$n.ndjson"
  head -n "$n" "$dir/stream-$n.ndjson" > "$dir/stream-$n.trim.ndjson"
  /usr/bin/time -f "import: %e s, %M KiB max RSS" "$swell" import "$dir/stream-$n.trim.ndjson" --db "$db" >/dev/null
  echo "first start: the detector places every complaint..." >&2
  started=$(date +%s.%N)
  "$swell" serve --db "$db" --port $port --log-level info > "$dir/first.log" 2>&1 &
  pid=$!
  wait_ready "$started" >/dev/null
  until curl -sf -H "Authorization: Bearer $(grep -o 'swl_[A-Za-z0-9_-]*' "$dir/first.log" | head -1)" \
      "http://127.0.0.1:$port/v1/complaints?limit=1" | grep -q clusterId; do sleep 1; done
  # wait until the detector has caught up with the whole log
  while sqlite3 "$db" "SELECT COUNT(*) FROM complaint WHERE clusterId IS NULL" | grep -vq '^0$'; do sleep 1; done
  echo "placed $n complaints in $(echo "$(date +%s.%N) - $started" | bc) s (first start)" >&2
  kill -TERM $pid; wait $pid || true
fi

started=$(date +%s.%N)
"$swell" serve --db "$db" --port $port --log-level info > "$dir/restart.log" 2>&1 &
pid=$!
ready=$(wait_ready "$started")
until grep -q "Detector rebuilt" "$dir/restart.log"; do sleep 0.05; done
rebuilt=$(echo "$(date +%s.%N) - $started" | bc)
kill -TERM $pid; wait $pid || true
echo "restart with $n complaints stored: ready (/readyz 200) after ${ready} s; detector index rebuilt after ${rebuilt} s"
grep "Detector rebuilt" "$dir/restart.log" | tail -1
