#!/usr/bin/env bash
# The tally benchmark: made-up corpora of 1,000, 10,000 and 50,000 sessions; for each, side by side in one run,
# `together tally` cold (no cache), warm (nothing changed), after 1% of files changed, and with no cache at all;
# warm again with nothing hidden (--min-count 1, so no audit: the difference is the audit's cost); the fair peer
# (bench/tally_peer.py: orjson, an indexed keyword matcher, a process per core); the plain Python reference
# (with and without the keyword suggestions); and jq counting statements by theme.
# SKIP_SLOW=1 leaves out the plain reference and jq (minutes at 50,000 sessions).
# Wall time and peak memory come from GNU time. Results are printed as a Markdown table.
#
#   bench/run.sh [SIZES...]        (default: 1000 10000 50000; corpora are kept in $BENCH_DIR, default /tmp/together-bench)
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -gt 0 ] && sizes=("$@") || sizes=(1000 10000 50000)
dir="${BENCH_DIR:-/tmp/together-bench}"
mkdir -p "$dir"
swift build -c release --product together >/dev/null
bin=.build/release/together
keywords=assets/content/en/keywords.json

measure() { # label, command...: prints "label|seconds|peak MB"
    local label="$1"; shift
    local stats; stats=$(mktemp)
    /usr/bin/time -o "$stats" -f "%e %M" "$@" >/dev/null 2>&1 || true
    local out; out=$(tail -1 "$stats"); rm -f "$stats"
    echo "$label|${out% *}|$(( ${out#* } / 1024 ))"
}

echo "| sessions | corpus | run | wall s | peak MB |"
echo "|---:|---:|---|---:|---:|"
for n in "${sizes[@]}"; do
    corpus="$dir/sessions-$n"
    [ -d "$corpus" ] || "$bin" demo-data --sessions "$n" --out "$corpus" >/dev/null
    size=$(du -sm "$corpus" | cut -f1)
    cache="$dir/cache-$n"; rm -rf "$cache"
    sync
    # Every run below finds the files in memory (the first one would otherwise also pay for the disk).
    find "$corpus" -name '*.json' -print0 | xargs -0 cat > /dev/null
    rows=()
    rows+=("$(measure "together, cold (no cache yet)" "$bin" tally --cache "$cache" "$corpus")")
    rows+=("$(measure "together, warm (nothing changed)" "$bin" tally --cache "$cache" "$corpus")")
    find "$corpus" -name '*.json' | sort | awk 'NR % 100 == 1' | xargs touch
    rows+=("$(measure "together, 1% of files changed" "$bin" tally --cache "$cache" "$corpus")")
    rows+=("$(measure "together, --no-cache" "$bin" tally --no-cache "$corpus")")
    rows+=("$(measure "together, warm, --min-count 1 (no audit)" "$bin" tally --cache "$cache" --min-count 1 "$corpus")")
    rows+=("$(measure "together, warm, --min-count 1 (no audit), again" "$bin" tally --cache "$cache" --min-count 1 "$corpus")")
    rows+=("$(measure "together, warm (with the audit), again" "$bin" tally --cache "$cache" "$corpus")")
    rows+=("$(measure "fair peer (orjson, indexed keywords, $(nproc) processes)" python3 bench/tally_peer.py "$keywords" "$corpus")")
    rows+=("$(measure "cat, every file (reading the bytes)" sh -c "find '$corpus' -name '*.json' -print0 | xargs -0 cat > /dev/null")")
    if [ -z "${SKIP_SLOW:-}" ]; then
        rows+=("$(measure "Python reference" python3 bench/tally_reference.py "$keywords" "$corpus")")
        rows+=("$(measure "Python reference, no suggestions" python3 bench/tally_reference.py --no-suggest "$keywords" "$corpus")")
        rows+=("$(measure "jq, statements by theme" sh -c "find '$corpus' -name '*.json' -print0 | xargs -0 cat | jq -n 'reduce (inputs | .statements[] | \"\(.themeId // \"none\")/\(.category)\") as \$k ({}; .[\$k] += 1)'")")
    fi
    for row in "${rows[@]}"; do
        IFS='|' read -r label secs mb <<<"$row"
        echo "| $n | ${size} MB | $label | $secs | $mb |"
    done
done
