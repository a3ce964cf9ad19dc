#!/usr/bin/env bash
# The same intake and detection workload through either back end, with the release binary:
#   1. batch ingest over HTTP (N complaints, batches of 1,000, 2 client threads; scripts/bench/ingest.py),
#   2. the detector following the log until every complaint is placed (seconds after the last batch, and the
#      rate from the first batch to the last placement),
#   3. single POSTs at 200/s for 15 s once the detector is idle (latency percentiles).
# Usage: scripts/bench/backends.sh sqlite   [N=100000] [BINARY=.build-release/release/swell]
#        scripts/with-postgres scripts/bench/backends.sh postgres [N] [BINARY]   (needs SWELL_TEST_POSTGRES_URL)
set -euo pipefail
cd "$(dirname "$0")/../.."
backend=${1:?usage: $0 sqlite|postgres [N] [BINARY]}
n=${2:-100000}
swell=${3:-.build-release/release/swell}
port=18941
dir=$(mktemp -d)
trap 'kill -TERM ${pid:-0} 2>/dev/null || true; wait ${pid:-0} 2>/dev/null || true; rm -rf "$dir"' EXIT

case "$backend" in
  sqlite)
    store="sqlite:$dir/bench.sqlite"
    unplaced() { sqlite3 "$dir/bench.sqlite" "SELECT COUNT(*) FROM complaint WHERE clusterId IS NULL"; } ;;
  postgres)
    : "${SWELL_TEST_POSTGRES_URL:?run under scripts/with-postgres}"
    store="$SWELL_TEST_POSTGRES_URL"
    unplaced() { psql "$store" -tAc "SELECT COUNT(*) FROM complaint WHERE clusterId IS NULL"; } ;;
  *) echo "back end must be sqlite or postgres" >&2; exit 64 ;;
esac

"$swell" serve --store "$store" --port $port --log-level warning > "$dir/serve.log" 2>&1 &
pid=$!
until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.1; done
token=$(grep -o 'swl_[A-Za-z0-9_-]*' "$dir/serve.log" | head -1)
echo "$backend: $swell on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

started=$(date +%s.%N)
python3 scripts/bench/ingest.py batch --url "http://127.0.0.1:$port" --token "$token" --total "$n" --batch 1000 --clients 2
ingested=$(date +%s.%N)
until [ "$(unplaced)" = "0" ]; do sleep 0.2; done
placed=$(date +%s.%N)
echo "detector: all $n placed $(echo "$placed - $ingested" | bc) s after the last batch;" \
     "$(echo "$n / ($placed - $started)" | bc) complaints/s from first batch to last placement"
python3 scripts/bench/ingest.py single --url "http://127.0.0.1:$port" --token "$token" --rate 200 --seconds 15
