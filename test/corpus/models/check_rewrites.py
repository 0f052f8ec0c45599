#!/usr/bin/env python3
"""Verify concur's concurrency-model rewrites on the naive programs of this directory.

Every program here (*.c, *.cpp) starts with a label block (see README.md):

    // concur-site: thread-per-task | async-fanout | manual-chunking | thread-per-connection
    //              | mt-unsafe-parallel | serial-blocking-loop | none
    // expect-target: thread_pool | parallel_for | map | process_pool | coroutines | executor | none
    // expect-fix: diagnostic-only        (optional: a C++ site whose target cannot be written)
    // trap: <what it tests>

For each program:
  1. build the original (clang++-19 -std=c++20 / clang-19 -std=c11, -pthread) and run it; its
     stdout is the reference;
  2. copy it into a fresh directory with a compile_commands.json (-std=c++20 -pthread
     -I<runtime-include>) and run
        concur <file> -p <dir> --no-cache --quiet --checks=-*,concur-model-* --fix
     (plus --fix-notes for serial-blocking-loop programs, whose fix sits on a note);
  3. note whether the file changed;
  4. if it changed: build it against the runtime library, run it and compare its stdout with the
     reference, run concur --fix again and require no further change (idempotence); with --tsan,
     build original and rewrite with -fsanitize=thread and require the rewrite to be as clean as
     the original (the rewrite links --runtime-lib-tsan; without it the TSan step is skipped);
  5. verdict:
       expect-target none                  -> the file must be unchanged (a look-alike);
       a C file, or expect-fix diagnostic-only
                                           -> unchanged, and concur-model-<site> reported;
       otherwise (C++)                     -> changed, to the expected model's family, builds,
                                              same output, idempotent (and TSan-clean).

Output: one line per program, `PASS name: ...` or `FAIL name: reason`, then exactly
`N passed, M failed`. Exit status 0 if everything passed, 1 if something failed, 2 on a usage
error (concur, the runtime or the compilers missing).

Other modes (no concur needed):
  --list       the labels table, then counts per site kind and target;
  --originals  build every original with -Wall -Werror and run it twice: it must exit 0, print
               the same output both times and finish in under 2 seconds.
"""

import argparse
import concurrent.futures
import difflib
import json
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

SITES = ("thread-per-task", "async-fanout", "manual-chunking", "thread-per-connection",
         "mt-unsafe-parallel", "serial-blocking-loop", "none")
TARGETS = ("thread_pool", "parallel_for", "map", "process_pool", "coroutines", "executor", "none")
FIXES = ("rewrite", "diagnostic-only")

# Targets that are spellings of the same model: a rewrite to another member of the family is
# accepted (and reported); a rewrite to another family is a wrong model choice.
FAMILY = {
    "thread_pool": "futures", "executor": "futures",
    "parallel_for": "data-parallel", "map": "data-parallel",
    "process_pool": "processes",
    "coroutines": "coroutines",
}

LABEL_RE = re.compile(r"^\s*//\s*(concur-site|expect-target|expect-fix|trap):\s*(.*?)\s*$")
TSAN_RE = re.compile(r"WARNING: ThreadSanitizer: ([^\n]*)")
TSAN_SUMMARY_RE = re.compile(r"SUMMARY: ThreadSanitizer: ([^\n]*)")

COMPILE_TIMEOUT = 180
RUN_TIMEOUT = 30
TSAN_RUN_TIMEOUT = 180
CONCUR_TIMEOUT = 600
MAX_ORIGINAL_SECONDS = 2.0


# --------------------------------------------------------------------------------------------
# Labels

class Program:
    def __init__(self, path):
        self.path = path
        self.file = os.path.basename(path)
        self.name = os.path.splitext(self.file)[0]
        self.is_c = self.file.endswith(".c")
        self.site = None
        self.target = None
        self.fix = None
        self.trap = ""
        self.error = None

    @property
    def expects_rewrite(self):
        return self.target != "none" and not self.is_c and self.fix != "diagnostic-only"


def parse_program(path):
    prog = Program(path)
    try:
        with open(path, encoding="utf-8") as f:
            head = [next(f, "") for _ in range(10)]
    except OSError as e:
        prog.error = "cannot read: %s" % e
        return prog
    seen = {}
    for line in head:
        m = LABEL_RE.match(line)
        if m:
            seen[m.group(1)] = m.group(2)
    prog.site = seen.get("concur-site")
    prog.target = seen.get("expect-target")
    prog.fix = seen.get("expect-fix", "rewrite")
    prog.trap = seen.get("trap", "")
    problems = []
    if prog.site not in SITES:
        problems.append("concur-site %r is not one of %s" % (prog.site, ", ".join(SITES)))
    if prog.target not in TARGETS:
        problems.append("expect-target %r is not one of %s" % (prog.target, ", ".join(TARGETS)))
    if prog.fix not in FIXES:
        problems.append("expect-fix %r is not one of %s" % (prog.fix, ", ".join(FIXES)))
    if (prog.site == "none") != (prog.target == "none"):
        problems.append("concur-site none and expect-target none go together")
    if not prog.trap:
        problems.append("no trap: line")
    if problems:
        prog.error = "bad labels: " + "; ".join(problems)
    return prog


def discover(only=None):
    progs = []
    for entry in sorted(os.listdir(HERE)):
        if not (entry.endswith(".c") or entry.endswith(".cpp")):
            continue
        if only and only not in entry:
            continue
        progs.append(parse_program(os.path.join(HERE, entry)))
    return progs


# --------------------------------------------------------------------------------------------
# Helpers

def run(cmd, cwd=None, timeout=None, env=None):
    """Run cmd; return (returncode, stdout, stderr, seconds). returncode None means timeout,
    and a missing executable gives returncode 127."""
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout, env=env)
        return (p.returncode, p.stdout.decode("utf-8", "replace"),
                p.stderr.decode("utf-8", "replace"), time.monotonic() - start)
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        err = (e.stderr or b"").decode("utf-8", "replace")
        return None, out, err, time.monotonic() - start
    except OSError as e:
        return 127, "", str(e), time.monotonic() - start


def first_line(text, pattern=None, limit=200):
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if pattern is None or re.search(pattern, line):
            return line[:limit]
    return ""


def with_colon(text):
    return ": " + text if text else ""


def describe_exit(rc):
    if rc is None:
        return "timed out"
    if rc < 0:
        return "killed by signal %d" % -rc
    return "exited %d" % rc


def compile_cmd(prog, src, out, include=None, link=None, tsan=False, werror=False):
    cmd = [CC, "-std=c11"] if prog.is_c else [CXX, "-std=c++20"]
    cmd += ["-pthread", "-Wall", "-O1", "-g"]
    if werror:
        cmd.append("-Werror")
    if tsan:
        cmd.append("-fsanitize=thread")
    if include:
        cmd += ["-I", include]
    cmd += [src, "-o", out]
    if link:
        cmd += [link, "-pthread", "-ldl"]
    return cmd


def build(prog, src, out, **kw):
    """Return None on success, else a one-line reason."""
    rc, so, se, _ = run(compile_cmd(prog, src, out, **kw), timeout=COMPILE_TIMEOUT)
    if rc == 0:
        return None
    # The most telling line: a compiler error, else a linker complaint, else anything.
    for pattern in (r"error: (?!linker command failed)", r"undefined reference|ld(\.lld)?: error", r"error"):
        line = first_line(se, pattern)
        if line:
            return line
    return first_line(se) or describe_exit(rc)


def execute(binary, cwd, tsan=False):
    env = dict(os.environ)
    if tsan:
        env["TSAN_OPTIONS"] = "halt_on_error=0 exitcode=0 " + env.get("TSAN_OPTIONS", "")
    return run([binary], cwd=cwd, timeout=TSAN_RUN_TIMEOUT if tsan else RUN_TIMEOUT, env=env)


def tsan_report(stderr):
    m = TSAN_SUMMARY_RE.search(stderr) or TSAN_RE.search(stderr)
    return m.group(1).strip() if m else None


def first_difference(expected, got):
    e, g = expected.splitlines(), got.splitlines()
    for i in range(max(len(e), len(g))):
        a = e[i] if i < len(e) else "<end of output>"
        b = g[i] if i < len(g) else "<end of output>"
        if a != b:
            return "line %d: expected %r, got %r" % (i + 1, a[:80], b[:80])
    return "outputs differ"


def detect_models(before, after):
    """The models a rewrite introduced, from the lines it added."""
    added = "\n".join(line for line in difflib.ndiff(before.splitlines(), after.splitlines())
                      if line.startswith("+ "))
    found = []
    if "concur::task<" in added or "co_await" in added or "concur::run(" in added:
        found.append("coroutines")
    if "process_pool" in added:
        found.append("process_pool")
    if ".parallel_for(" in added:
        found.append("parallel_for")
    if ".map(" in added and "process_pool" not in found:
        found.append("map")
    if "concur::executor" in added or "as_completed" in added:
        found.append("executor")
    if ".submit(" in added or "thread_pool" in added:
        found.append("thread_pool")
    return found


def model_diagnostics(output):
    """concur-model-* check names found in concur's output, in order, without duplicates."""
    names = []
    for m in re.finditer(r"\[(concur-model-[a-z-]+)\]", output):
        if m.group(1) not in names:
            names.append(m.group(1))
    return names


def recommended(output):
    m = re.search(r"use (concur::[A-Za-z_]+(?:::[A-Za-z_]+)*)", output)
    return m.group(1) if m else None


# --------------------------------------------------------------------------------------------
# One program

class Context:
    def __init__(self, args):
        self.concur = os.path.abspath(args.concur) if args.concur else None
        self.include = os.path.abspath(args.runtime_include) if args.runtime_include else None
        self.lib = os.path.abspath(args.runtime_lib) if args.runtime_lib else None
        self.lib_tsan = os.path.abspath(args.runtime_lib_tsan) if args.runtime_lib_tsan else None
        self.tsan = args.tsan
        self.keep = os.path.abspath(args.keep) if args.keep else None


def write_compile_db(prog, workdir, src, include):
    compiler = shutil.which(CC if prog.is_c else CXX) or (CC if prog.is_c else CXX)
    std = "-std=c11" if prog.is_c else "-std=c++20"
    entry = {
        "directory": workdir,
        "file": src,
        "arguments": [compiler, std, "-pthread", "-I" + include, "-c", src, "-o",
                      os.path.join(workdir, prog.name + ".o")],
    }
    with open(os.path.join(workdir, "compile_commands.json"), "w", encoding="utf-8") as f:
        json.dump([entry], f, indent=2)


def concur_fix(ctx, prog, workdir, src):
    cmd = [ctx.concur, src, "-p", workdir, "--no-cache", "--quiet", "--checks=-*,concur-model-*",
           "--fix"]
    if prog.site == "serial-blocking-loop":
        cmd.append("--fix-notes")
    cmd.append("--project-root=" + workdir)
    return run(cmd, cwd=workdir, timeout=CONCUR_TIMEOUT)


def concur_failure(rc, se):
    """None if concur's exit status lets the check go on, else the reason."""
    if rc in (0, 1):
        return None
    if rc == 2:
        return "concur exited 2: %s" % (first_line(se) or "usage or input error")
    if rc is None:
        return "concur timed out after %ds" % CONCUR_TIMEOUT
    if rc < 0:
        return "concur crashed (signal %d)%s" % (-rc, with_colon(first_line(se)))
    return "concur exited %d%s" % (rc, with_colon(first_line(se)))


def check_program(ctx, prog):
    """Return (passed, message)."""
    if prog.error:
        return False, prog.error
    if ctx.keep:
        workroot = os.path.join(ctx.keep, prog.name)
        shutil.rmtree(workroot, ignore_errors=True)
        os.makedirs(workroot)
    else:
        workroot = tempfile.mkdtemp(prefix="concur-models-%s-" % prog.name)
    try:
        return _check_program(ctx, prog, workroot)
    finally:
        if not ctx.keep:
            shutil.rmtree(workroot, ignore_errors=True)


def _check_program(ctx, prog, root):
    rundir = os.path.join(root, "run")
    srcdir = os.path.join(root, "src")
    os.makedirs(rundir, exist_ok=True)
    os.makedirs(srcdir, exist_ok=True)

    # 1. The original and its reference output.
    orig_bin = os.path.join(root, "original")
    err = build(prog, prog.path, orig_bin)
    if err:
        return False, "original does not build: %s" % err
    rc, ref_out, se, _ = execute(orig_bin, rundir)
    if rc != 0:
        return False, "original %s%s" % (describe_exit(rc), with_colon(first_line(se)))

    # 2. concur --fix on a copy with its own compilation database.
    src = os.path.join(srcdir, prog.file)
    shutil.copyfile(prog.path, src)
    write_compile_db(prog, srcdir, src, ctx.include)
    with open(src, encoding="utf-8") as f:
        before = f.read()
    rc, so, se, _ = concur_fix(ctx, prog, srcdir, src)
    failure = concur_failure(rc, se)
    if failure:
        return False, failure
    concur_output = so + se
    with open(src, encoding="utf-8") as f:
        after = f.read()
    changed = after != before
    diags = model_diagnostics(concur_output)
    expected_check = "concur-model-" + prog.site

    # 3. Verdicts for files that must stay as they are.
    if prog.target == "none":
        if changed:
            return False, "look-alike was rewritten (%d lines differ)%s" % (
                count_changed_lines(before, after), (": " + ", ".join(diags)) if diags else "")
        note = " (reported %s)" % ", ".join(diags) if diags else ""
        return True, "look-alike left unchanged%s" % note
    if not prog.expects_rewrite:
        why = "C file" if prog.is_c else "no fix possible"
        if changed:
            return False, "%s was changed (%d lines); expected a diagnostic only" % (
                why, count_changed_lines(before, after))
        if expected_check not in diags:
            got = ", ".join(diags) if diags else "no concur-model-* diagnostic"
            return False, "%s unchanged, but %s not reported (got: %s)" % (why, expected_check, got)
        return True, "diagnostic only (%s), unchanged" % expected_check

    # 4. A C++ program that must be rewritten.
    if not changed:
        if diags:
            rec = recommended(concur_output)
            return False, "not rewritten (%s reported%s, no fix applied)" % (
                ", ".join(diags), ", recommends " + rec if rec else "")
        return False, "not rewritten (no concur-model-* diagnostic)"
    models = detect_models(before, after)
    if not models:
        return False, "rewritten, but no concur runtime model appears in the added code"
    got_model = models[0]
    if FAMILY.get(got_model) != FAMILY[prog.target]:
        return False, "rewritten to %s, expected %s" % (got_model, prog.target)

    new_bin = os.path.join(root, "rewritten")
    err = build(prog, src, new_bin, include=ctx.include, link=ctx.lib)
    if err:
        return False, "rewritten to %s, but it does not build: %s" % (got_model, err)
    rc, new_out, se, _ = execute(new_bin, rundir)
    if rc != 0:
        return False, "rewritten to %s, but it %s%s" % (got_model, describe_exit(rc), with_colon(first_line(se)))
    if new_out != ref_out:
        return False, "rewritten to %s, but the output differs: %s" % (
            got_model, first_difference(ref_out, new_out))

    # Idempotence: a second --fix must change nothing.
    rc, so2, se2, _ = concur_fix(ctx, prog, srcdir, src)
    failure = concur_failure(rc, se2)
    if failure:
        return False, "rewritten to %s, same output, but the second run failed: %s" % (got_model, failure)
    with open(src, encoding="utf-8") as f:
        again = f.read()
    if again != after:
        return False, "rewritten to %s, same output, but a second --fix changed %d more lines" % (
            got_model, count_changed_lines(after, again))

    notes = []
    if got_model != prog.target:
        notes.append("labelled %s" % prog.target)
    if ctx.tsan:
        ok, note = tsan_compare(ctx, prog, root, rundir, src)
        if not ok:
            return False, "rewritten to %s, same output, but %s" % (got_model, note)
        notes.append(note)
    suffix = (" (" + "; ".join(notes) + ")") if notes else ""
    return True, "rewritten to %s, same output%s" % (got_model, suffix)


def count_changed_lines(a, b):
    return sum(1 for line in difflib.ndiff(a.splitlines(), b.splitlines())
               if line.startswith(("+ ", "- ")))


def tsan_compare(ctx, prog, root, rundir, rewritten_src):
    """(ok, note): the rewrite must be TSan-clean wherever the original was."""
    orig_bin = os.path.join(root, "original-tsan")
    err = build(prog, prog.path, orig_bin, tsan=True)
    if err:
        return True, "TSan: original does not build with -fsanitize=thread, not compared"
    rc, _, se, _ = execute(orig_bin, rundir, tsan=True)
    report = tsan_report(se)
    if report or rc != 0:
        return True, "TSan: original not clean (%s), not compared" % (report or describe_exit(rc))
    if not ctx.lib_tsan:
        return True, "TSan skipped for the rewrite: no --runtime-lib-tsan"
    new_bin = os.path.join(root, "rewritten-tsan")
    err = build(prog, rewritten_src, new_bin, include=ctx.include, link=ctx.lib_tsan, tsan=True)
    if err:
        return False, "the rewrite does not build with -fsanitize=thread: %s" % err
    rc, _, se, _ = execute(new_bin, rundir, tsan=True)
    report = tsan_report(se)
    if report:
        return False, "ThreadSanitizer reports on the rewrite: %s" % report
    if rc != 0:
        return False, "the TSan build of the rewrite %s%s" % (describe_exit(rc), with_colon(first_line(se)))
    return True, "TSan clean"


# --------------------------------------------------------------------------------------------
# --originals: the corpus's own contract

def check_original(prog, keep):
    if prog.error:
        return False, prog.error
    root = tempfile.mkdtemp(prefix="concur-models-orig-%s-" % prog.name)
    try:
        binary = os.path.join(root, prog.name)
        err = build(prog, prog.path, binary, werror=True)
        if err:
            return False, "does not build cleanly with -Wall -Werror: %s" % err
        outs = []
        for attempt in range(2):
            rc, out, se, secs = execute(binary, root)
            if rc != 0:
                return False, "run %d %s%s" % (attempt + 1, describe_exit(rc), with_colon(first_line(se)))
            if secs >= MAX_ORIGINAL_SECONDS:
                return False, "run %d took %.2fs (limit %.1fs)" % (attempt + 1, secs, MAX_ORIGINAL_SECONDS)
            if not out:
                return False, "prints nothing"
            outs.append((out, secs))
        if outs[0][0] != outs[1][0]:
            return False, "output differs between two runs: %s" % first_difference(outs[0][0], outs[1][0])
        lines = outs[0][0].count("\n")
        return True, "builds, exits 0, same %d lines twice, %.2fs" % (lines, max(s for _, s in outs))
    finally:
        shutil.rmtree(root, ignore_errors=True)


# --------------------------------------------------------------------------------------------
# Main

def print_table(progs):
    width = max([len(p.file) for p in progs] + [4])
    print("%-*s  %-22s %-13s %-15s %s" % (width, "file", "site", "target", "fix", "trap"))
    for p in progs:
        if p.error:
            print("%-*s  %s" % (width, p.file, p.error))
            continue
        fix = "none" if p.target == "none" else ("diagnostic-only" if not p.expects_rewrite else "rewrite")
        print("%-*s  %-22s %-13s %-15s %s" % (width, p.file, p.site, p.target, fix, p.trap))
    good = [p for p in progs if not p.error]
    print()
    print("programs: %d (%d C++, %d C)" % (len(progs), sum(not p.is_c for p in progs),
                                           sum(p.is_c for p in progs)))
    for title, key, values in (("site", "site", SITES), ("target", "target", TARGETS)):
        counts = ["%s %d" % (v, sum(getattr(p, key) == v for p in good)) for v in values]
        print("by %s: %s" % (title, ", ".join(counts)))
    print("expected rewrites %d, diagnostic only %d, look-alikes %d" % (
        sum(p.expects_rewrite for p in good),
        sum(p.target != "none" and not p.expects_rewrite for p in good),
        sum(p.target == "none" for p in good)))


def usage_error(msg):
    print("check_rewrites.py: error: %s" % msg, file=sys.stderr)
    return 2


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--concur", help="the concur binary")
    ap.add_argument("--runtime-include", help="the runtime's include directory (holds concur/)")
    ap.add_argument("--runtime-lib", help="libconcur_runtime.a to link rewritten programs with")
    ap.add_argument("--runtime-lib-tsan", help="the runtime built with -fsanitize=thread (for --tsan)")
    ap.add_argument("--only", metavar="SUBSTR", help="only programs whose file name contains SUBSTR")
    ap.add_argument("--tsan", action="store_true", help="also compare ThreadSanitizer reports")
    ap.add_argument("-j", type=int, default=0, metavar="N",
                    help="programs checked in parallel (default: CPUs / 2, at least 1)")
    ap.add_argument("--keep", metavar="DIR", help="keep each program's work directory in DIR/<name>")
    ap.add_argument("--list", action="store_true", help="print the labels table and exit")
    ap.add_argument("--known-failures", metavar="FILE",
                    help="programs expected to fail, one per line with the reason after '#': exit 0 only if "
                         "exactly these fail (a listed program that passes must leave the list)")
    ap.add_argument("--originals", action="store_true",
                    help="only check the originals: -Wall -Werror, exit 0, deterministic, < 2 s")
    args = ap.parse_args(argv)

    progs = discover(args.only)
    if args.list:
        print_table(progs)
        return 0 if all(not p.error for p in progs) else 1
    if not progs:
        return usage_error("no program matches --only %r" % args.only)

    for tool in ([CXX, CC]):
        if not shutil.which(tool):
            return usage_error("%s not found on PATH" % tool)

    jobs = args.j if args.j > 0 else max(1, (os.cpu_count() or 2) // 2)

    if args.originals:
        check = lambda p: check_original(p, args.keep)
    else:
        if not args.concur:
            return usage_error("--concur is required")
        if not (os.path.isfile(args.concur) and os.access(args.concur, os.X_OK)):
            return usage_error("concur not found or not executable: %s" % args.concur)
        if not args.runtime_include:
            return usage_error("--runtime-include is required")
        if not os.path.isdir(os.path.join(args.runtime_include, "concur")):
            return usage_error("runtime include directory has no concur/: %s" % args.runtime_include)
        if not args.runtime_lib:
            return usage_error("--runtime-lib is required")
        if not os.path.isfile(args.runtime_lib):
            return usage_error("runtime library not found: %s" % args.runtime_lib)
        if args.runtime_lib_tsan and not os.path.isfile(args.runtime_lib_tsan):
            return usage_error("TSan runtime library not found: %s" % args.runtime_lib_tsan)
        if args.keep:
            os.makedirs(args.keep, exist_ok=True)
        ctx = Context(args)
        check = lambda p: check_program(ctx, p)

    def guarded(p):
        try:
            return check(p)
        except Exception as e:  # a bug here must not hide the other programs' verdicts
            return False, "checker error: %s: %s" % (type(e).__name__, e)

    known = read_known_failures(args.known_failures) if args.known_failures else {}
    passed = failed = expected_failures = unexpected_passes = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [(p, pool.submit(guarded, p)) for p in progs]
        for p, fut in futures:
            ok, msg = fut.result()
            if p.name in known:
                verdict = "XPASS" if ok else "XFAIL"
                msg += " [known: %s]" % known[p.name] if not ok else " [listed as a known failure: remove it]"
            else:
                verdict = "PASS" if ok else "FAIL"
            print("%s %s: %s" % (verdict, p.name, msg), flush=True)
            if verdict == "PASS":
                passed += 1
            elif verdict == "FAIL":
                failed += 1
            elif verdict == "XFAIL":
                expected_failures += 1
            else:
                unexpected_passes += 1
    print("%d passed, %d failed, %d known failures, %d known failures now passing"
          % (passed, failed, expected_failures, unexpected_passes))
    return 0 if failed == 0 and unexpected_passes == 0 else 1


def read_known_failures(path):
    """name -> reason, from lines `name  # reason`."""
    known = {}
    with open(path) as f:
        for line in f:
            name, _, reason = line.partition("#")
            if name.strip():
                known[name.strip()] = reason.strip() or "no reason given"
    return known


if __name__ == "__main__":
    sys.exit(main())
