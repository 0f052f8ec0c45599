"""compare.py COLD OTHER COLD_CACHED OTHER_CACHED: same findings, and the cache hits expected."""
import json, sys
cold, other = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert cold["findings"] == other["findings"], "findings differ"
assert cold["summary"]["fromCache"] == int(sys.argv[3]), cold["summary"]
assert other["summary"]["fromCache"] == int(sys.argv[4]), other["summary"]
print("ok")
