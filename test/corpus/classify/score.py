#!/usr/bin/env python3
"""Score `concur --classify` against the labelled corpus in this directory.

Every function to score is preceded, on the line directly above its first line, by
`// expect: <label>` (see README.md). The scorer writes a compilation database for every C/C++
source of the corpus, runs concur on it, matches each expectation to the function concur reports
right after the comment, and prints precision and recall per label, sub-kind accuracy for io,
and every disagreement.

Exit status: 0 when every label reaches both thresholds, 1 when one does not, 2 on a usage error,
a malformed corpus or a failure of concur itself.

Python 3 standard library only.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

LABELS = ("io", "cpu", "sync", "mixed", "trivial", "unknown")
IO_SUBKINDS = ("file", "net", "ipc", "sleep", "terminal", "process", "db")
C_SOURCES = (".c",)
CXX_SOURCES = (".cpp", ".cc", ".cxx")
HEADERS = (".h", ".hh", ".hpp", ".hxx")
# A reported function belongs to an expectation when its name is at most this many lines below
# the comment (multi-line signatures and `template <...>` lines) and above the next expectation.
MAX_DISTANCE = 4

EXPECT_LOOSE = re.compile(r"//\s*expect\b")
EXPECT_STRICT = re.compile(r"^\s*//\s*expect:\s*([a-z]+)(?:\.([a-z]+))?\s*$")


class UsageError(Exception):
    """Anything that makes the score meaningless: exit status 2."""


class Expectation:
    def __init__(self, path, line, label, subkind):
        self.path = path  # absolute, real path
        self.line = line  # line of the comment
        self.label = label
        self.subkind = subkind  # only for io
        self.limit = line + MAX_DISTANCE  # last line the function's name may be on
        self.match = None  # the reported function, once matched

    def text(self):
        return self.label + ("." + self.subkind if self.subkind else "")


def corpus_files(corpus):
    """Every C/C++ source and header under the corpus, skipping hidden directories."""
    found = []
    for root, dirs, files in os.walk(corpus):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(C_SOURCES + CXX_SOURCES + HEADERS):
                found.append(os.path.realpath(os.path.join(root, name)))
    return found


def read_expectations(files):
    """Parse `// expect:` comments; a malformed one is a corpus error, not a silent skip."""
    expectations, errors = [], []
    for path in files:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
        in_file = []
        for number, text in enumerate(lines, start=1):
            if not EXPECT_LOOSE.search(text):
                continue
            m = EXPECT_STRICT.match(text)
            where = "%s:%d" % (path, number)
            if not m:
                errors.append("%s: malformed expectation %r (want `// expect: <label>`)"
                              % (where, text.strip()))
                continue
            label, subkind = m.group(1), m.group(2)
            if label not in LABELS:
                errors.append("%s: unknown label %r" % (where, label))
            elif label == "io" and subkind not in IO_SUBKINDS:
                errors.append("%s: io needs a sub-kind, one of %s" % (where, " ".join(IO_SUBKINDS)))
            elif label != "io" and subkind:
                errors.append("%s: only io takes a sub-kind" % where)
            else:
                in_file.append(Expectation(path, number, label, subkind))
        for current, following in zip(in_file, in_file[1:]):
            current.limit = min(current.limit, following.line - 1)
        expectations.extend(in_file)
    if errors:
        raise UsageError("malformed corpus:\n  " + "\n  ".join(errors))
    if not expectations:
        raise UsageError("no `// expect:` comments found in the corpus")
    return expectations


def write_compile_commands(corpus, build_dir, sources, cxx, cc):
    entries = []
    for path in sources:
        rel = os.path.relpath(path, corpus)
        obj = os.path.join(build_dir, "obj", rel + ".o")
        if path.endswith(C_SOURCES):
            args = [cc, "-std=c11"]
        else:
            args = [cxx, "-std=c++20"]
        args += ["-I" + corpus, "-c", path, "-o", obj]
        entries.append({"directory": corpus, "file": path, "arguments": args, "output": obj})
    with open(os.path.join(build_dir, "compile_commands.json"), "w", encoding="utf-8") as f:
        json.dump(entries, f, indent=2)
        f.write("\n")


def run_concur(concur, corpus, build_dir, extra_args, timeout):
    command = [concur, "--classify", "--format=json", "-p", build_dir, "--quiet", "--no-cache"]
    command += extra_args
    try:
        proc = subprocess.run(command, cwd=corpus, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=timeout, check=False)
    except OSError as e:
        raise UsageError("cannot run %s: %s" % (concur, e))
    except subprocess.TimeoutExpired:
        raise UsageError("%s did not finish within %d s" % (concur, timeout))
    stderr = proc.stderr.decode("utf-8", "replace").strip()
    if proc.returncode != 0:
        raise UsageError("%s exited with %d%s" % (" ".join(command), proc.returncode,
                                                  "\nits stderr:\n" + stderr if stderr else ""))
    try:
        data = json.loads(proc.stdout.decode("utf-8", "replace"))
    except ValueError as e:
        raise UsageError("%s printed no valid JSON (%s)%s"
                         % (" ".join(command), e, "\nits stderr:\n" + stderr if stderr else ""))
    return data


def index_functions(data, corpus):
    """Reported functions by real file path, deduplicated (a header's function may be reported
    once per translation unit that includes it)."""
    if not isinstance(data, dict) or data.get("version") != 1:
        raise UsageError("concur's JSON is not version 1 of the classification format")
    functions = data.get("functions")
    if not isinstance(functions, list):
        raise UsageError("concur's JSON has no `functions` list")
    by_file, seen, conflicts = {}, {}, []
    for f in functions:
        try:
            path = f["file"]
            line, column = int(f["line"]), int(f.get("column", 0))
            label = str(f["label"]).lower()
        except (KeyError, TypeError, ValueError):
            raise UsageError("malformed function entry in concur's JSON: %r" % (f,))
        if not os.path.isabs(path):
            path = os.path.join(corpus, path)
        path = os.path.realpath(path)
        key = (path, line, column, f.get("usr") or f.get("name"))
        if key in seen:
            if seen[key]["label"] != label:
                conflicts.append("%s:%d: reported twice, as %s and as %s"
                                 % (path, line, seen[key]["label"], label))
            continue
        entry = {
            "name": f.get("name", ""),
            "line": line,
            "column": column,
            "label": label,
            "subkinds": [str(s).lower() for s in (f.get("subkinds") or [])],
            "confidence": f.get("confidence"),
            "evidence": f.get("evidence") or [],
        }
        seen[key] = entry
        by_file.setdefault(path, []).append(entry)
    for entries in by_file.values():
        entries.sort(key=lambda e: (e["line"], e["column"]))
    return by_file, conflicts


def match(expectations, by_file):
    for e in expectations:
        for f in by_file.get(e.path, ()):
            if f["line"] > e.limit:
                break
            if f["line"] > e.line:
                e.match = f
                break


def got_text(f):
    if f["label"] == "io" and f["subkinds"]:
        return "io." + "+".join(f["subkinds"])
    return f["label"]


def first_evidence(f):
    for ev in f["evidence"]:
        if isinstance(ev, dict) and ev.get("message"):
            return ev["message"]
        if isinstance(ev, str) and ev:
            return ev
    return "none"


def ratio(num, den):
    return None if den == 0 else num / den


def score(expectations, corpus, min_precision, min_recall):
    labels = {}
    for label in LABELS:
        expected = [e for e in expectations if e.label == label]
        predicted = [e for e in expectations if e.match and e.match["label"] == label]
        tp = sum(1 for e in expected if e.match and e.match["label"] == label)
        labels[label] = {
            "support": len(expected),
            "predicted": len(predicted),
            "true_positives": tp,
            "precision": ratio(tp, len(predicted)),
            "recall": ratio(tp, len(expected)),
        }
    subkinds = {}
    for sub in IO_SUBKINDS:
        expected = [e for e in expectations if e.label == "io" and e.subkind == sub]
        as_io = [e for e in expected if e.match and e.match["label"] == "io"]
        right = [e for e in as_io if sub in e.match["subkinds"]]
        subkinds[sub] = {"support": len(expected), "labelled_io": len(as_io),
                         "correct": len(right), "accuracy": ratio(len(right), len(expected))}

    mismatches, misses = [], []
    for e in expectations:
        rel = os.path.relpath(e.path, corpus)
        if not e.match:
            misses.append({"file": rel, "line": e.line, "expected": e.text()})
            continue
        f = e.match
        wrong_label = f["label"] != e.label
        wrong_sub = not wrong_label and e.label == "io" and e.subkind not in f["subkinds"]
        if wrong_label or wrong_sub:
            mismatches.append({"file": rel, "line": f["line"], "function": f["name"],
                               "expected": e.text(), "got": got_text(f),
                               "kind": "label" if wrong_label else "subkind",
                               "confidence": f["confidence"], "evidence": first_evidence(f)})

    failures = []
    for label, m in labels.items():
        if m["support"] == 0:
            failures.append("%s: no labelled function in the corpus" % label)
        if m["precision"] is not None and m["precision"] < min_precision:
            failures.append("%s: precision %.3f < %.3f" % (label, m["precision"], min_precision))
        if m["recall"] is not None and m["recall"] < min_recall:
            failures.append("%s: recall %.3f < %.3f" % (label, m["recall"], min_recall))
    return {"labels": labels, "subkinds": subkinds, "mismatches": mismatches, "misses": misses,
            "failures": failures}


def fmt(value):
    return "    -" if value is None else "%.3f" % value


def print_report(result, expectations, reported, conflicts, out):
    total = len(expectations)
    matched = sum(1 for e in expectations if e.match)
    correct = total - len(result["mismatches"]) - len(result["misses"])
    print("concur classification: %d labelled functions, %d matched, %d reported in the corpus"
          % (total, matched, reported), file=out)
    print("", file=out)
    print("%-8s %9s %7s %8s %10s" % ("label", "precision", "recall", "support", "predicted"),
          file=out)
    for label, m in result["labels"].items():
        print("%-8s %9s %7s %8d %10d" % (label, fmt(m["precision"]), fmt(m["recall"]),
                                          m["support"], m["predicted"]), file=out)
    print("", file=out)
    print("%-12s %8s %8s %8s %8s" % ("io sub-kind", "accuracy", "correct", "as io", "support"),
          file=out)
    for sub, m in result["subkinds"].items():
        print("%-12s %8s %8d %8d %8d" % (sub, fmt(m["accuracy"]), m["correct"], m["labelled_io"],
                                          m["support"]), file=out)
    print("", file=out)
    print("exact (label and sub-kind): %d/%d" % (correct, total), file=out)
    if result["mismatches"]:
        print("", file=out)
        print("mismatches (%d):" % len(result["mismatches"]), file=out)
        for m in result["mismatches"]:
            print("%s:%d: expected %s, got %s (evidence: %s)"
                  % (m["file"], m["line"], m["expected"], m["got"], m["evidence"]), file=out)
    if result["misses"]:
        print("", file=out)
        print("misses (%d): no function reported within %d lines below the comment:"
              % (len(result["misses"]), MAX_DISTANCE), file=out)
        for m in result["misses"]:
            print("%s:%d: expected %s, got nothing" % (m["file"], m["line"], m["expected"]),
                  file=out)
    if conflicts:
        print("", file=out)
        print("warnings: the same function reported with different labels (first one scored):",
              file=out)
        for c in conflicts:
            print("  " + c, file=out)
    print("", file=out)
    if result["failures"]:
        print("FAIL: " + "; ".join(result["failures"]), file=out)
    else:
        print("PASS", file=out)


def print_stats(expectations, corpus, out):
    """Counts per label and sub-kind, without running concur (--stats)."""
    counts = {}
    for e in expectations:
        counts[e.text()] = counts.get(e.text(), 0) + 1
    files = sorted({os.path.relpath(e.path, corpus) for e in expectations})
    print("%d labelled functions in %d files" % (len(expectations), len(files)), file=out)
    for label in LABELS:
        n = sum(1 for e in expectations if e.label == label)
        print("%-8s %4d" % (label, n), file=out)
        if label == "io":
            for sub in IO_SUBKINDS:
                print("  %-10s %4d" % (sub, counts.get("io." + sub, 0)), file=out)


def parse_args(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--concur", help="path to the concur binary (required unless --stats)")
    p.add_argument("--corpus", default=here, help="corpus directory (default: %(default)s)")
    p.add_argument("--min-precision", type=float, default=0.95)
    p.add_argument("--min-recall", type=float, default=0.95)
    p.add_argument("--json-out", metavar="FILE", help="also write the full result as JSON")
    p.add_argument("--cxx", default="clang++-19", help="C++ compiler in the database")
    p.add_argument("--cc", default="clang-19", help="C compiler in the database")
    p.add_argument("--build-dir", metavar="DIR",
                   help="write compile_commands.json here and keep it (default: a temporary dir)")
    p.add_argument("--concur-arg", action="append", default=[], metavar="ARG",
                   help="extra argument for concur (repeatable)")
    p.add_argument("--timeout", type=int, default=1800, help="seconds concur may take")
    p.add_argument("--stats", action="store_true",
                   help="check the corpus and print label counts without running concur")
    args = p.parse_args(argv)
    if not args.stats and not args.concur:
        p.error("--concur is required")
    for name in ("min_precision", "min_recall"):
        if not 0.0 <= getattr(args, name) <= 1.0:
            p.error("--%s must be between 0 and 1" % name.replace("_", "-"))
    return args


def main(argv):
    try:
        args = parse_args(argv)
    except SystemExit as e:
        return 0 if e.code == 0 else 2
    try:
        corpus = os.path.realpath(args.corpus)
        if not os.path.isdir(corpus):
            raise UsageError("corpus directory %s does not exist" % corpus)
        files = corpus_files(corpus)
        expectations = read_expectations(files)
        if args.stats:
            print_stats(expectations, corpus, sys.stdout)
            return 0
        concur = args.concur
        if os.sep in concur:
            concur = os.path.abspath(concur)
        if shutil.which(concur) is None:
            raise UsageError("%s is not an executable" % args.concur)
        sources = [f for f in files if f.endswith(C_SOURCES + CXX_SOURCES)]
        if args.build_dir:
            build_dir = os.path.abspath(args.build_dir)
            os.makedirs(build_dir, exist_ok=True)
            cleanup = None
        else:
            cleanup = build_dir = tempfile.mkdtemp(prefix="concur-classify-")
        try:
            write_compile_commands(corpus, build_dir, sources, args.cxx, args.cc)
            data = run_concur(concur, corpus, build_dir, args.concur_arg, args.timeout)
        finally:
            if cleanup:
                shutil.rmtree(cleanup, ignore_errors=True)
        by_file, conflicts = index_functions(data, corpus)
        match(expectations, by_file)
        result = score(expectations, corpus, args.min_precision, args.min_recall)
    except UsageError as e:
        print("score.py: error: %s" % e, file=sys.stderr)
        return 2

    reported = sum(len(v) for k, v in by_file.items() if k.startswith(corpus + os.sep))
    print_report(result, expectations, reported, conflicts, sys.stdout)
    if args.json_out:
        doc = {
            "version": 1,
            "corpus": corpus,
            "thresholds": {"precision": args.min_precision, "recall": args.min_recall},
            "total": len(expectations),
            "matched": sum(1 for e in expectations if e.match),
            "labels": result["labels"],
            "subkinds": result["subkinds"],
            "mismatches": result["mismatches"],
            "misses": result["misses"],
            "conflicts": conflicts,
            "failures": result["failures"],
            "passed": not result["failures"],
        }
        try:
            with open(args.json_out, "w", encoding="utf-8") as f:
                json.dump(doc, f, indent=2)
                f.write("\n")
        except OSError as e:
            print("score.py: error: cannot write %s: %s" % (args.json_out, e), file=sys.stderr)
            return 2
    return 1 if result["failures"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
