#!/usr/bin/env bash
# concur against `clang++-19 -fsyntax-only` on leveldb (the sources shipped in leveldown@6.1.1),
# measured side by side in one run with the same -j: cold cache, warm cache, peak RSS.
# Usage: bench/leveldb.sh [-j N]   (needs build/bin/concur; fetches leveldb with npm pack)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc)
[[ ${1:-} == -j ]] && jobs=$2
work="$root/bench/work"
src="$work/leveldb"
concur="$root/build/bin/concur"
[[ -x $concur ]] || { echo "bench: build concur first (scripts/build.sh)" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null

if [[ ! -d $src ]]; then
  mkdir -p "$work" && cd "$work"
  npm pack --silent leveldown@6.1.1 >/dev/null
  tar xzf leveldown-6.1.1.tgz
  mv package/deps/leveldb/leveldb-1.20 "$src"
  rm -rf package leveldown-6.1.1.tgz
fi
cd "$src"
# The 42 non-test translation units.
find . -name '*.cc' | grep -vE '_test\.cc|db_bench|testharness|testutil' | sed 's|^\./||' | sort > "$work/files.txt"
python3 - "$src" "$work/files.txt" > "$src/compile_commands.json" <<'PY'
import json, sys
src, files = sys.argv[1], open(sys.argv[2]).read().split()
print(json.dumps([{"directory": src, "file": f"{src}/{f}",
                   "arguments": ["clang++-19", "-std=c++11", "-I.", "-Iinclude",
                                 "-DLEVELDB_PLATFORM_POSIX", "-DOS_LINUX", "-c", f]} for f in files], indent=1))
PY
count=$(wc -l < "$work/files.txt")

measure() { # prints "seconds peak_kib" for the command
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" > "$work/out.txt" 2> "$work/err.txt" || true
  cat "$work/time.txt"
}
syntax() {
  xargs -P "$jobs" -n 1 clang++-19 -fsyntax-only -std=c++11 -I. -Iinclude -DLEVELDB_PLATFORM_POSIX -DOS_LINUX < "$work/files.txt"
}
export -f syntax
export jobs work

rm -rf "$work/cache"
read -r base_s base_kb < <(measure bash -c syntax)
read -r cold_s cold_kb < <(measure "$concur" -p "$src" -j "$jobs" --quiet --cache-dir="$work/cache")
cp "$work/out.txt" "$work/cold-findings.txt"
crashes=$(grep -c 'concur crashed' "$work/out.txt" || true)
read -r warm_s warm_kb < <(measure "$concur" -p "$src" -j "$jobs" --quiet --cache-dir="$work/cache")
same=$(cmp -s "$work/out.txt" "$work/cold-findings.txt" && echo yes || echo NO)
findings=$(grep -c ': warning: \|: error: ' "$work/cold-findings.txt" || true)
# What classification costs: warm runs (no parsing) with and without it, against the baseline.
read -r plain_s _ < <(measure "$concur" -p "$src" -j "$jobs" --quiet --cache-dir="$work/cache" --checks='-*,concur-mt-unsafe-call')
read -r classify_s _ < <(measure "$concur" -p "$src" -j "$jobs" --quiet --cache-dir="$work/cache" --classify)

python3 - <<PY
base, cold, warm = $base_s, $cold_s, $warm_s
print(f"leveldb: $count translation units, -j $jobs")
print(f"  clang++-19 -fsyntax-only : {base:6.2f} s   peak RSS {$base_kb/1024:7.1f} MiB (largest process)")
print(f"  concur, cold cache       : {cold:6.2f} s   peak RSS {$cold_kb/1024:7.1f} MiB   ratio {cold/base:.2f}x  (target <= 1.25x)")
print(f"  concur, warm cache       : {warm:6.2f} s   peak RSS {$warm_kb/1024:7.1f} MiB   ratio {warm/base:.3f}x (target <= 0.10x)")
print(f"  classification: {max(0.0, $classify_s - $plain_s):.2f} s = {100*max(0.0, $classify_s - $plain_s)/base:.1f}% of the baseline (target <= 5%)")
print(f"  findings: $findings; warm output identical to cold: $same; crashes: $crashes")
PY
