#!/usr/bin/env bash
# Full-text search benchmark: N generated complaints (`swell generate`, seed 9, 60 days; kept in .build/bench/)
# imported into a store, then `swell bench search` times each query (first page and, where there is one, the
# second page through the cursor; p50 / p99 / max over RUNS runs after one warm-up).
# Usage: scripts/bench/search.sh sqlite   [N=1000000] [BINARY=.build-release/release/swell] [RUNS=100]
#        scripts/with-postgres scripts/bench/search.sh postgres [N] [BINARY] [RUNS]   (needs SWELL_TEST_POSTGRES_URL)
set -euo pipefail
cd "$(dirname "$0")/../.."
backend=${1:?usage: $0 sqlite|postgres [N] [BINARY] [RUNS]}
n=${2:-1000000}
swell=${3:-.build-release/release/swell}
runs=${4:-100}
dir=.build/bench
mkdir -p "$dir"
stream="$dir/search-stream-$n.ndjson"
if [ ! -f "$stream" ]; then
  "$swell" generate --seed 9 --incidents $((n / 2000)) --background "$n" --days 60 --output "$dir/search-full-$n.ndjson"
  head -n "$n" "$dir/search-full-$n.ndjson" > "$stream"
  rm "$dir/search-full-$n.ndjson"
fi

case "$backend" in
  sqlite)
    db="$dir/search-$n.sqlite"
    store=(--db "$db")
    if [ ! -f "$db" ]; then
      /usr/bin/time -f "import into SQLite: %e s, %M KiB max RSS" "$swell" import "$stream" "${store[@]}" >/dev/null 2>"$dir/import.err" \
        || { cat "$dir/import.err" >&2; exit 1; }
      tail -1 "$dir/import.err" >&2
    fi ;;
  postgres)
    : "${SWELL_TEST_POSTGRES_URL:?run under scripts/with-postgres}"
    store=(--store "$SWELL_TEST_POSTGRES_URL")
    /usr/bin/time -f "import into PostgreSQL: %e s, %M KiB max RSS" "$swell" import "$stream" "${store[@]}" >/dev/null 2>"$dir/import.err" \
      || { cat "$dir/import.err" >&2; exit 1; }
    tail -1 "$dir/import.err" >&2
    psql "$SWELL_TEST_POSTGRES_URL" -qc "VACUUM ANALYZE complaint" ;;
  *) echo "back end must be sqlite or postgres" >&2; exit 64 ;;
esac

echo "$backend, $n complaints, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
queries=(--q 酒店降级 --q 酒店降級 --q 导游强迫购物 --q 食物中毒 --q hotel --q "coach broke down" --q 退款 --q 大巴 --q 空调 --q 乳胶枕 --q "zzzq" --q "zq")
"$swell" bench search "${store[@]}" --runs "$runs" "${queries[@]}"
"$swell" bench search "${store[@]}" --runs "$runs" --sort relevance --q 酒店降级 --q hotel --q 导游强迫购物
# With a filter: the product most complaints name
product=$(grep -o '"product":"[^"]*"' "$stream" | sort | uniq -c | sort -rn | awk 'NR == 1 {print $2}' | cut -d'"' -f4)
"$swell" bench search "${store[@]}" --runs "$runs" --product "$product" --q 酒店降级 --q 退款 --q hotel
