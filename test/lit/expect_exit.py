"""expect_exit.py STATUS CMD...: run CMD, pass its output through, fail unless it exits with STATUS."""
import subprocess, sys
want = int(sys.argv[1])
proc = subprocess.run(sys.argv[2:])
if proc.returncode != want:
    sys.exit("expected exit status %d, got %d" % (want, proc.returncode))
