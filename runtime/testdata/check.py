#!/usr/bin/env python3
"""check.py: run a C program that links the gocc runtime and compare it with go1.19.

Each NAME.c here is the twin of NAME.go: it performs the same steps by calling the runtime's entry
points the way compiled code will (runtime.def's contract). NAME.golden holds what go1.19 printed for
NAME.go: the first line is `exit N`, the rest is stderr up to the first goroutine header (`goroutine 1 [running]:`,
`goroutine 1 [chan receive]:`: the gocc runtime prints no traceback frames yet); signal pcs are masked.

  check.py BINARY GOLDEN        run BINARY, compare with GOLDEN (exit 1 with a diff on mismatch)
  check.py --update NAME.go...  rebuild the goldens with /usr/lib/go-1.19/bin/go
"""
import difflib
import os
import re
import subprocess
import sys
import tempfile

GO = "/usr/lib/go-1.19/bin/go"


def normalize(code, stderr):
    out = []
    for line in stderr.decode("utf-8", "replace").splitlines(keepends=True):
        out.append(re.sub(r"pc=0x[0-9a-f]+", "pc=PC", line))
        if re.fullmatch(r"goroutine \d+ \[[^]]*\]:\n", line):
            break
    return "exit %d\n" % code + "".join(out)


def run(argv):
    p = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=60)
    return normalize(p.returncode, p.stderr)


def update(sources):
    with tempfile.TemporaryDirectory() as tmp:
        for src in sources:
            exe = os.path.join(tmp, "prog")
            subprocess.run([GO, "build", "-o", exe, src], check=True)
            with open(src[:-3] + ".golden", "w") as f:
                f.write(run([exe]))


def main():
    if sys.argv[1] == "--update":
        update(sys.argv[2:])
        return 0
    got = run([sys.argv[1]])
    want = open(sys.argv[2]).read()
    if got == want:
        return 0
    sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                               "go1.19", "gocc runtime"))
    return 1


if __name__ == "__main__":
    sys.exit(main())
