#!/usr/bin/env bash
# Installs what is missing, builds everything, and runs every test: the analyzer's unit and lit
# tests, the runtime's tests, and the runtime's tests again under ThreadSanitizer and under
# AddressSanitizer+UndefinedBehaviorSanitizer (separate build directories); last, the model
# corpus's rewrites are checked under ThreadSanitizer against the TSan build of the runtime.
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
python3 "$root/test/corpus/models/check_rewrites.py" -j 2 --concur "$root/build/bin/concur" \
  --runtime-include "$root/runtime/include" --runtime-lib "$root/build/runtime/libconcur_runtime.a" \
  --known-failures "$root/test/corpus/models/known-failures.txt" \
  --tsan --runtime-lib-tsan "$root/build-thread/runtime/libconcur_runtime.a"
