#!/usr/bin/env bash
# Installs what is missing, builds everything, and runs every test: the analyzer's unit and lit
# tests, the runtime's tests, and the runtime's tests again under ThreadSanitizer and under
# AddressSanitizer+UndefinedBehaviorSanitizer (separate build directories).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/scripts/build.sh" -DBUILD_TESTING=ON
ctest --test-dir build --output-on-failure -j 2
for sanitizer in thread address; do
  cmake -S "$root" -B "$root/build-$sanitizer" -G Ninja -DCMAKE_C_COMPILER=clang-19 \
    -DCMAKE_CXX_COMPILER=clang++-19 -DCONCUR_RUNTIME_ONLY=ON -DCONCUR_SANITIZER=$sanitizer >/dev/null
  cmake --build "$root/build-$sanitizer"
  ctest --test-dir "build-$sanitizer" --output-on-failure -j 2
done
