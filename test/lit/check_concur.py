#!/usr/bin/env python3
"""clang-tidy's check_clang_tidy.py, for concur: run concur on one source file and match its
diagnostics against `// CHECK-MESSAGES: :[[@LINE+-N]]:col: warning: ...` lines, and its fixed
output against `// CHECK-FIXES:` lines, with FileCheck.

usage: check_concur.py CONCUR SOURCE TMPFILE [--fix] [-- concur args... [-- compiler args]]
"""
import os, re, shutil, subprocess, sys


def main():
    concur, source, tmp = sys.argv[1:4]
    rest = sys.argv[4:]
    fix = False
    if rest[:1] == ["--fix"]:
        fix, rest = True, rest[1:]
    if rest[:1] == ["--"]:
        rest = rest[1:]
    if "--" in rest:
        i = rest.index("--")
        concur_args, compiler_args = rest[:i], rest[i + 1:]
    else:
        concur_args, compiler_args = rest, []
    if not compiler_args:
        compiler_args = ["-std=c++20"] if not source.endswith(".c") else ["-std=c11"]
    ext = os.path.splitext(source)[1]
    work = tmp + ext
    text = open(source).read()
    # Strip CHECK lines so fixes are compared on code only, as check_clang_tidy does.
    stripped = re.sub(r"^[ \t]*//[ \t]*CHECK-(MESSAGES|FIXES)[^\n]*$", "//", text, flags=re.M)
    with open(work, "w") as f:
        f.write(stripped)
    args = [concur, work, "--no-cache", "--quiet"] + (["--fix"] if fix else []) + concur_args + ["--"] + compiler_args
    proc = subprocess.run(args, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stdout + proc.stderr)
        sys.exit("concur exited with %d" % proc.returncode)
    messages = tmp + ".msg"
    with open(messages, "w") as f:
        f.write(proc.stdout)
    has_messages = "CHECK-MESSAGES" in text
    if has_messages:
        run_filecheck(source, messages, "CHECK-MESSAGES")
    elif proc.stdout.strip():
        sys.stderr.write(proc.stdout)
        sys.exit("expected no findings, got some")
    if fix and "CHECK-FIXES" in text:
        run_filecheck(source, work, "CHECK-FIXES")


def run_filecheck(source, input_file, prefix):
    cmd = ["FileCheck", "-input-file=" + input_file, source, "-check-prefix=" + prefix,
           "-implicit-check-not={{warning|error}}:" if prefix == "CHECK-MESSAGES" else "-strict-whitespace"]
    r = subprocess.run(cmd)
    if r.returncode:
        sys.stderr.write(open(input_file).read())
        sys.exit(r.returncode)


if __name__ == "__main__":
    main()
