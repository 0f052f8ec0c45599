#!/usr/bin/env python3
"""Check the labelled race corpus against ThreadSanitizer.

Every program in this directory (*.c, *.cpp) starts with a label block:

    // concur-race: yes|no
    // race-on: <variable>            (racy programs only, one per variable)
    // trap: <short phrase>
    // tsan: check|skip-openmp-racefree

Each program is compiled with clang-19/clang++-19 -fsanitize=thread -g -O1 and
run.  A racy program must produce a TSan "data race" report (it is run up to
--racy-runs times and passes on the first report); a race-free program must
produce none in --clean-runs runs and exit 0.

OpenMP programs run with LLVM's Archer tool (libarcher.so, loaded through
OMP_TOOL_LIBRARIES) and TSAN_OPTIONS=ignore_noninstrumented_modules=1, which
teaches TSan OpenMP's synchronisation (barriers, reductions, critical, locks,
tasks, dependences).  Race-free OpenMP programs labelled
`tsan: skip-openmp-racefree` are those that TSan+Archer still cannot judge with
Debian's libomp (it is not built with TSan annotations, so e.g. recycled task
descriptors look racy).  They are checked differentially instead: compiled
without TSan, run once with OMP_NUM_THREADS=1 as the reference, then
--diff-runs times with OMP_NUM_THREADS=8; every run must exit 0 and print
exactly the reference output.

Output: one line per disagreement, then a final line `N passed, M failed`.
Exit status: 0 if every label agrees, 1 if some disagree, 2 if the tools are
missing or unusable.
"""

import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CC = "clang-19"
CXX = "clang++-19"
ARCHER = "/usr/lib/llvm-19/lib/libarcher.so"

RACE_RE = re.compile(r"WARNING: ThreadSanitizer: data race")
ANY_TSAN_RE = re.compile(r"WARNING: ThreadSanitizer: ")
LABEL_RE = re.compile(r"^\s*//\s*(concur-race|race-on|trap|tsan):\s*(.*?)\s*$")
# "  Write of size 4 at ... by thread T1:", "  Previous atomic read of size ..."
ACCESS_RE = re.compile(r"^  (?:Previous )?(?:atomic )?(?:read|write)\b", re.I)
# "    #0 func /path/file.cpp:12:5 (binary+0x...)" ; the line may be missing
FRAME_RE = re.compile(r"^\s+#\d+ .*? (/[^\s:]+)(?::(\d+))?(?::\d+)? \(")

COMPILE_TIMEOUT = 120
RUN_TIMEOUT = 30


def parse_labels(path):
    """Return (labels dict, error string or None)."""
    labels = {"race-on": []}
    try:
        with open(path, encoding="utf-8") as f:
            head = [next(f, "") for _ in range(12)]
            rest = f.read()
    except OSError as e:
        return None, "cannot read: %s" % e
    for line in head:
        m = LABEL_RE.match(line)
        if not m:
            continue
        key, val = m.group(1), m.group(2)
        if key == "race-on":
            labels["race-on"].append(val)
        else:
            labels[key] = val
    text = "".join(head) + rest
    labels["openmp"] = "#pragma omp" in text or "<omp.h>" in text
    race = labels.get("concur-race")
    tsan = labels.get("tsan")
    if race not in ("yes", "no"):
        return None, "bad or missing '// concur-race: yes|no' label"
    if tsan not in ("check", "skip-openmp-racefree"):
        return None, "bad or missing '// tsan: check|skip-openmp-racefree' label"
    if "trap" not in labels or not labels["trap"]:
        return None, "missing '// trap:' label"
    if race == "yes" and not labels["race-on"]:
        return None, "racy program without a '// race-on:' label"
    if race == "no" and labels["race-on"]:
        return None, "race-free program with a '// race-on:' label"
    if race == "yes" and "// RACE" not in text:
        return None, "racy program without a '// RACE' line marker"
    if tsan == "skip-openmp-racefree" and (race != "no" or not labels["openmp"]):
        return None, "skip-openmp-racefree is only for race-free OpenMP programs"
    return labels, None


def compile_cmd(src, out, tsan, openmp):
    is_cpp = src.endswith(".cpp")
    cmd = [CXX if is_cpp else CC]
    cmd += ["-std=c++20"] if is_cpp else ["-std=c11"]
    if tsan:
        cmd += ["-fsanitize=thread"]
    cmd += ["-g", "-O1", "-pthread"]
    if openmp:
        cmd += ["-fopenmp"]
    cmd += [src, "-o", out]
    return cmd


def run_env(openmp, tsan, threads):
    env = dict(os.environ)
    for k in ("TSAN_OPTIONS", "OMP_TOOL_LIBRARIES", "ARCHER_OPTIONS",
              "OMP_TOOL", "OMP_NUM_THREADS", "OMP_DYNAMIC"):
        env.pop(k, None)
    opts = ["halt_on_error=0", "exitcode=66", "report_signal_unsafe=0"]
    if openmp:
        env["OMP_NUM_THREADS"] = str(threads)
        env["OMP_DYNAMIC"] = "false"
        if tsan:
            env["OMP_TOOL_LIBRARIES"] = ARCHER
            opts.append("ignore_noninstrumented_modules=1")
    if tsan:
        env["TSAN_OPTIONS"] = " ".join(opts)
    return env


def run_once(binary, env):
    """Return (returncode or 'timeout', stdout, stderr)."""
    try:
        p = subprocess.run([binary], env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=RUN_TIMEOUT,
                           stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return "timeout", "", ""
    return (p.returncode, p.stdout.decode("utf-8", "replace"),
            p.stderr.decode("utf-8", "replace"))


def do_compile(src, out, tsan, openmp):
    cmd = compile_cmd(src, out, tsan, openmp)
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=COMPILE_TIMEOUT, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return "compile timed out: " + " ".join(cmd)
    except OSError as e:
        return "cannot run compiler: %s" % e
    if p.returncode != 0:
        msg = p.stdout.decode("utf-8", "replace").strip().splitlines()
        first = next((l for l in msg if "error" in l), msg[0] if msg else "")
        return "compile failed: %s" % first.strip()
    return None


def first_report_line(stderr):
    """A short location hint from the first TSan report (SUMMARY line)."""
    for line in stderr.splitlines():
        if line.startswith("SUMMARY: ThreadSanitizer"):
            return line.split("ThreadSanitizer:", 1)[1].strip()
    return "?"


def marked_lines(path):
    with open(path, encoding="utf-8") as f:
        return {i + 1 for i, line in enumerate(f) if "// RACE" in line}


def race_report_lines(stderr, src):
    """For every TSan data-race report, the source lines (in src) of its
    accesses: the first stack frame of each access that lies in src, None when
    that frame has no line number (common at -O1) or no frame lies in src."""
    reports, cur, acc = [], None, None
    for line in stderr.splitlines():
        if RACE_RE.search(line):
            cur, acc = [], None
            reports.append(cur)
            continue
        if cur is None:
            continue
        if line.startswith("SUMMARY:"):
            cur = acc = None
            continue
        if ACCESS_RE.match(line):
            acc = {"line": None, "seen": False}
            cur.append(acc)
            continue
        if not line.strip():
            acc = None
            continue
        m = FRAME_RE.match(line)
        if m and acc is not None and not acc["seen"] and \
                os.path.realpath(m.group(1)) == src:
            acc["seen"] = True
            acc["line"] = int(m.group(2)) if m.group(2) else None
    return [[a["line"] for a in r] for r in reports]


def races_at_markers(stderr, src, marked):
    """(ok, known lines): ok unless TSan placed every reported access at a
    known source line and none of them carries a // RACE marker."""
    reports = race_report_lines(stderr, src)
    known = sorted({l for r in reports for l in r if l is not None})
    if not known or any(l in marked for l in known):
        return True, known
    return False, known


def check_program(name, tmpdir, opts):
    """Return (name, ok, message, seconds)."""
    t0 = time.monotonic()
    src = os.path.join(HERE, name)
    labels, err = parse_labels(src)
    if err:
        return name, False, err, time.monotonic() - t0
    racy = labels["concur-race"] == "yes"
    openmp = labels["openmp"]
    base = os.path.join(tmpdir, name.replace(".", "_"))

    if labels["tsan"] == "skip-openmp-racefree":
        exe = base + ".plain"
        err = do_compile(src, exe, tsan=False, openmp=True)
        if err:
            return name, False, err, time.monotonic() - t0
        rc, ref, _ = run_once(exe, run_env(True, False, 1))
        if rc != 0:
            return name, False, "serial run (OMP_NUM_THREADS=1) exited %s" % rc, \
                time.monotonic() - t0
        for i in range(opts.diff_runs):
            rc, out, _ = run_once(exe, run_env(True, False, 8))
            if rc != 0:
                return name, False, "parallel run %d (OMP_NUM_THREADS=8) exited %s" \
                    % (i + 1, rc), time.monotonic() - t0
            if out != ref:
                return name, False, ("parallel run %d output %r differs from the "
                                     "serial output %r" % (i + 1, out.strip()[:60],
                                                           ref.strip()[:60])), \
                    time.monotonic() - t0
        return name, True, "", time.monotonic() - t0

    exe = base + ".tsan"
    err = do_compile(src, exe, tsan=True, openmp=openmp)
    if err:
        return name, False, err, time.monotonic() - t0
    env = run_env(openmp, True, opts.omp_threads)
    if racy:
        last = None
        marked = marked_lines(src)
        for _ in range(opts.racy_runs):
            rc, out, errout = run_once(exe, env)
            if rc == "timeout":
                last = "timed out after %ds" % RUN_TIMEOUT
                continue
            if RACE_RE.search(errout):
                ok, known = races_at_markers(errout, os.path.realpath(src), marked)
                if ok:
                    return name, True, "", time.monotonic() - t0
                last = "races only at unmarked lines %s" % \
                    ",".join(str(l) for l in known)
                continue
            last = "exit %s" % rc
        return name, False, "labelled racy, but TSan reported no data race at a " \
            "// RACE line in %d runs (last: %s)" % (opts.racy_runs, last), \
            time.monotonic() - t0
    for _ in range(opts.clean_runs):
        rc, out, errout = run_once(exe, env)
        if rc == "timeout":
            return name, False, "labelled race-free, run timed out after %ds" \
                % RUN_TIMEOUT, time.monotonic() - t0
        if RACE_RE.search(errout):
            return name, False, "labelled race-free, but TSan reported a data race " \
                "(%s)" % first_report_line(errout), time.monotonic() - t0
        if ANY_TSAN_RE.search(errout):
            what = ANY_TSAN_RE.search(errout)
            line = errout[what.start():].splitlines()[0]
            return name, False, "labelled race-free, but TSan said: %s" % line, \
                time.monotonic() - t0
        if rc != 0:
            return name, False, "labelled race-free, but the program exited %s" % rc, \
                time.monotonic() - t0
    return name, True, "", time.monotonic() - t0


def probe_tsan(tmpdir):
    """Make sure TSan works at all here; return an error line or None."""
    src = os.path.join(tmpdir, "probe.c")
    exe = os.path.join(tmpdir, "probe")
    with open(src, "w") as f:
        f.write("#include <pthread.h>\nint x;\n"
                "static void *w(void *a) { x++; return a; }\n"
                "int main(void) { pthread_t t; pthread_create(&t, 0, w, 0);"
                " x++; pthread_join(t, 0); return 0; }\n")
    err = do_compile(src, exe, tsan=True, openmp=False)
    if err:
        return "cannot build a -fsanitize=thread program with %s (%s)" % (CC, err)
    rc, _, errout = run_once(exe, run_env(False, True, 1))
    if not RACE_RE.search(errout):
        tail = errout.strip().splitlines()[-1] if errout.strip() else "exit %s" % rc
        return "ThreadSanitizer does not work on this machine (%s)" % tail
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", action="append", metavar="NAME",
                    help="check only this program (file name, with or without "
                         "extension); may be repeated")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 2, metavar="N",
                    help="parallel jobs (default: number of CPUs)")
    ap.add_argument("--racy-runs", type=int, default=5,
                    help="runs allowed for a racy program to show its race")
    ap.add_argument("--clean-runs", type=int, default=2,
                    help="runs of a race-free program that must all be clean")
    ap.add_argument("--diff-runs", type=int, default=20,
                    help="OMP_NUM_THREADS=8 runs for skip-openmp-racefree programs")
    ap.add_argument("--omp-threads", type=int, default=4,
                    help="OMP_NUM_THREADS under TSan")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="also print passing programs and timings")
    opts = ap.parse_args()

    for tool in (CC, CXX):
        if shutil.which(tool) is None:
            print("tsan_check: %s not found on PATH; install clang-19 (needs "
                  "%s and %s with ThreadSanitizer)" % (tool, CC, CXX))
            return 2

    names = sorted(n for n in os.listdir(HERE)
                   if n.endswith((".c", ".cpp")) and
                   os.path.isfile(os.path.join(HERE, n)))
    if opts.only:
        wanted = set(opts.only)
        names = [n for n in names
                 if n in wanted or os.path.splitext(n)[0] in wanted]
        if not names:
            print("tsan_check: no program matches --only %s" % " ".join(opts.only))
            return 2
    if not names:
        print("tsan_check: no programs found in %s" % HERE)
        return 2

    needs_archer = False
    for n in names:
        labels, _ = parse_labels(os.path.join(HERE, n))
        if labels and labels["openmp"] and labels["tsan"] == "check":
            needs_archer = True
    if needs_archer and not os.path.exists(ARCHER):
        print("tsan_check: %s not found; OpenMP programs need LLVM 19's Archer "
              "(package libomp-19-dev)" % ARCHER)
        return 2

    start = time.monotonic()
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="concur-tsan-") as tmpdir:
        err = probe_tsan(tmpdir)
        if err:
            print("tsan_check: " + err)
            return 2
        jobs = max(1, opts.j)
        results = []
        try:
            pool = concurrent.futures.ProcessPoolExecutor(max_workers=jobs)
        except (OSError, NotImplementedError):
            # no working multiprocessing (e.g. no /dev/shm): the work is in
            # child processes anyway, so threads parallelise just as well
            pool = concurrent.futures.ThreadPoolExecutor(max_workers=jobs)
        with pool:
            futs = {pool.submit(check_program, n, tmpdir, opts): n for n in names}
            for fut in concurrent.futures.as_completed(futs):
                try:
                    results.append(fut.result())
                except Exception as e:  # a worker crashed: count it, go on
                    results.append((futs[fut], False, "internal error: %r" % e, 0))
        for name, ok, msg, secs in sorted(results):
            if ok:
                passed += 1
                if opts.verbose:
                    print("ok   %s (%.1fs)" % (name, secs))
            else:
                failed += 1
                print("FAIL %s: %s" % (name, msg))
    if opts.verbose:
        print("elapsed %.1fs with -j %d" % (time.monotonic() - start, opts.j))
    print("%d passed, %d failed" % (passed, failed))
    sys.stdout.flush()
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
