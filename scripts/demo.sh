#!/usr/bin/env bash
# The main job: install what is missing, build concur, and run it on the bundled examples/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh" -DBUILD_TESTING=OFF
cmake -S "$root/examples" -B "$root/examples/build" -G Ninja \
  -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 >/dev/null
"$root/build/bin/concur" -p "$root/examples/build" "$@"
