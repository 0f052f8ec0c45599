#!/usr/bin/env python3
"""Scores concur's race detection on the labelled corpus beside this script.

Each program's first lines say `// concur-race: yes|no`; lines with a racy access end in
`// RACE`. A program counts as reported when concur gives at least one
concur-race-unsynchronized-access finding. Prints precision and recall over programs (and the
share of reported races whose location is a `// RACE` line), lists every disagreement, and
exits 1 when precision or recall is under the thresholds, 2 when concur cannot run.

usage: score_races.py --concur PATH [--min-precision 0.9] [--min-recall 0.8] [-j N] [--only SUBSTR]
"""
import argparse, concurrent.futures, json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def label_of(path):
    with open(path, errors="replace") as f:
        head = f.read(2000)
    m = re.search(r"//\s*concur-race:\s*(yes|no)", head)
    return None if not m else m.group(1) == "yes"


def race_lines(path):
    with open(path, errors="replace") as f:
        return {i + 1 for i, line in enumerate(f) if re.search(r"//\s*RACE\b", line)}


def run(concur, path):
    is_c = path.endswith(".c")
    flags = ["-std=c11"] if is_c else ["-std=c++20"]
    flags += ["-fopenmp", "-pthread"]
    args = [concur, path, "--no-cache", "--quiet", "--format=json",
            "--checks=-*,concur-race-unsynchronized-access", "--"] + flags
    proc = subprocess.run(args, capture_output=True, text=True, timeout=120)
    if proc.returncode not in (0, 1):
        return None, proc.stderr.strip().splitlines()[:1]
    findings = json.loads(proc.stdout)["findings"]
    errors = [f for f in findings if f["check"] == "clang-diagnostic-error"]
    races = [f for f in findings if f["check"] == "concur-race-unsynchronized-access"]
    return races, [e["message"] for e in errors]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--concur", required=True)
    parser.add_argument("--min-precision", type=float, default=0.9)
    parser.add_argument("--min-recall", type=float, default=0.8)
    parser.add_argument("-j", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--only", default="")
    opts = parser.parse_args()
    if not os.access(opts.concur, os.X_OK):
        print(f"score_races.py: cannot run '{opts.concur}'", file=sys.stderr)
        return 2
    programs = sorted(os.path.join(HERE, f) for f in os.listdir(HERE)
                      if f.endswith((".c", ".cpp")) and opts.only in f)
    labelled = [(p, label_of(p)) for p in programs if label_of(p) is not None]
    tp = fp = fn = tn = 0
    located = reported_total = 0
    lines = []
    with concurrent.futures.ThreadPoolExecutor(opts.j) as pool:
        results = list(pool.map(lambda pl: (pl, run(opts.concur, pl[0])), labelled))
    for (path, racy), (races, errors) in results:
        name = os.path.basename(path)
        if races is None:
            print(f"score_races.py: concur failed on {name}: {errors}", file=sys.stderr)
            return 2
        if errors:
            lines.append(f"{name}: does not compile for concur: {errors[0]}")
        reported = bool(races)
        expected = race_lines(path)
        for r in races:
            reported_total += 1
            located += r["line"] in expected or any(n["line"] in expected for n in r["notes"])
        if racy and reported:
            tp += 1
        elif racy:
            fn += 1
            lines.append(f"{name}: racy, not reported")
        elif reported:
            fp += 1
            lines.append(f"{name}: race-free, reported: {races[0]['message']} (line {races[0]['line']})")
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    for line in sorted(lines):
        print(line)
    print(f"programs: {len(labelled)} ({tp + fn} racy, {fp + tn} race-free)")
    print(f"precision {precision:.3f}  recall {recall:.3f}  (tp {tp}, fp {fp}, fn {fn}, tn {tn})")
    if reported_total:
        print(f"reported races located on a // RACE line: {located}/{reported_total}")
    ok = precision >= opts.min_precision and recall >= opts.min_recall
    print(f"{tp + tn} passed, {fp + fn} failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
