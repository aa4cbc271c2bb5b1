"""golden.py: the rules shared by tools/gen-golden and tools/run-testdata.

It takes in a testdata program (testdata/**/NAME.go) and puts out what the program is expected to do
(read from its golden files) and how an observed run is compared with that. The one idea: a program's
expected behaviour is whatever go1.19 does, reduced by a single normalisation applied to both sides, so
golden files never hold anything that varies from run to run or that gocc cannot produce yet.

Kinds of test, by directory:
  testdata/*.go, testdata/examples/*.go   run tests: NAME.out = stdout, NAME.err = stderr (normalised),
  testdata/corpus/*.go                    NAME.exit = exit status; a missing file means empty / 0.
                                          NAME.in, if present, is the program's stdin (else /dev/null).
  testdata/compile_errors/*.go            must not compile: NAME.diag = gc's diagnostics
                                          ("NAME.go:LINE:COL: message", one per line).
  testdata/unsupported/*.go               valid Go that gocc must reject with "gocc: X is not supported
                                          yet" on a line marked "// UNSUPPORTED".

The stderr rule (normalise_stderr): keep everything up to and including the first goroutine header
"goroutine 1 [running]:" (or another goroutine's, "goroutine 16 [running]:" for a panic in it, or
with another wait reason: "goroutine 1 [semacquire]:" in a deadlock) and drop the rest (tracebacks
hold addresses and gocc prints no frames yet); a throw's "runtime stack:" section before that header
is dropped too. In what is kept, the varying program counter of a signal line
"[signal SIGSEGV: ... pc=0x457c91]" is masked to "pc=PC" (addr=0x0 stays: it is deterministic), and
a stack overflow's bounds line to "runtime: sp=SP stack=[LO, HI]".
"""
import os
import re
import signal
import subprocess
import sys
from dataclasses import dataclass

TOOLS_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(TOOLS_DIR)
TESTDATA_DIR = os.path.join(REPO_DIR, "testdata")
GO119 = "/usr/lib/go-1.19/bin/go"

RUN, COMPILE_ERROR, UNSUPPORTED = "run", "compile_error", "unsupported"
TRACEBACK_HEADER = re.compile(rb"goroutine \d+ \[[^\]\n]*\]:\n")
PC_RE = re.compile(rb"\bpc=0x[0-9a-f]+")
# a throw's system-stack frames (before the goroutine header) and the stack bounds of an overflow
RUNTIME_STACK_RE = re.compile(rb"\nruntime stack:\n.*?(?=\ngoroutine \d+ \[)", re.S)
STACK_BOUNDS_RE = re.compile(rb"runtime: sp=0x[0-9a-f]+ stack=\[0x[0-9a-f]+, 0x[0-9a-f]+\]")
UNSUPPORTED_MARK = "// UNSUPPORTED"
NOT_SUPPORTED_RE = re.compile(r"^[^:]*:(\d+):(\d+): gocc: .* is not supported yet$")

# Environment variables that change what a Go program prints; removed for every run.
RUNTIME_ENV = ("GOTRACEBACK", "GODEBUG", "GOGC", "GOMEMLIMIT", "GOMAXPROCS")


def kind_of(go_file):
    """The kind of test a testdata program is, from the directory it sits in."""
    parent = os.path.basename(os.path.dirname(os.path.abspath(go_file)))
    if parent == "compile_errors":
        return COMPILE_ERROR
    if parent == "unsupported":
        return UNSUPPORTED
    return RUN


def test_name(go_file):
    """NAME or SUBDIR/NAME relative to testdata/ (the ctest name without its prefix)."""
    rel = os.path.relpath(os.path.abspath(go_file), TESTDATA_DIR)
    return rel[:-3] if rel.endswith(".go") else rel


# Directories of testdata/ whose .go files are not searched for programs: ir/ holds FileCheck tests
# (tools/check-ir), modules/ multi-package modules (tools/run-modules), bench/long/ benchmarks too
# long for a default run (minutes under go1.19; named explicitly: tools/bench testdata/bench/long/X.go).
NOT_PROGRAMS = {os.path.join(TESTDATA_DIR, "ir"), os.path.join(TESTDATA_DIR, "modules"),
                os.path.join(TESTDATA_DIR, "bench", "long")}


def discover(paths):
    """The .go files named by paths (files, or directories searched recursively, skipping
    NOT_PROGRAMS), sorted."""
    found = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if os.path.abspath(os.path.join(root, d)) not in NOT_PROGRAMS)
                found += [os.path.join(root, f) for f in sorted(files) if f.endswith(".go")]
        elif p.endswith(".go") and os.path.isfile(p):
            found.append(p)
        else:
            sys.exit(f"{p}: not a .go file or a directory")
    return found


def normalise_stderr(data):
    """Applies the stderr rule (see the module comment) to raw stderr bytes."""
    data = RUNTIME_STACK_RE.sub(b"", data, count=1)
    m = TRACEBACK_HEADER.search(data)
    if m:
        data = data[: m.end()]
    data = STACK_BOUNDS_RE.sub(b"runtime: sp=SP stack=[LO, HI]", data)
    return PC_RE.sub(b"pc=PC", data)


def program_env():
    env = {k: v for k, v in os.environ.items() if k not in RUNTIME_ENV}
    env.setdefault("LANG", "C.UTF-8")
    # A test run may ask for a GODEBUG on purpose (the collector's stress mode: testdata/CMakeLists.txt).
    if os.environ.get("GOCC_TEST_GODEBUG"):
        env["GODEBUG"] = os.environ["GOCC_TEST_GODEBUG"]
    return env


# ---- golden files ------------------------------------------------------------------------------

@dataclass
class Expected:
    stdout: bytes
    stderr: bytes
    status: int


def golden_path(go_file, ext):
    return go_file[:-3] + ext


def program_stdin(go_file):
    """The bytes a run test reads on stdin: NAME.in beside it, or None (/dev/null)."""
    path = golden_path(go_file, ".in")
    if not os.path.isfile(path):
        return None
    with open(path, "rb") as f:
        return f.read()


def _read(path, default):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return default


def read_expected_at(stem):
    """The goldens STEM.out, STEM.err and STEM.exit (a missing file means empty, status 0)."""
    status = _read(stem + ".exit", b"0").strip()
    return Expected(_read(stem + ".out", b""), _read(stem + ".err", b""), int(status))


def read_expected(go_file):
    return read_expected_at(golden_path(go_file, ""))


def _write_or_remove(path, data):
    """Writes data, or removes the file when data is empty (absence means empty)."""
    if data:
        with open(path, "wb") as f:
            f.write(data)
    elif os.path.exists(path):
        os.remove(path)


def write_expected_at(stem, exp):
    _write_or_remove(stem + ".out", exp.stdout)
    _write_or_remove(stem + ".err", exp.stderr)
    _write_or_remove(stem + ".exit", b"%d\n" % exp.status if exp.status else b"")


def write_expected(go_file, exp):
    write_expected_at(golden_path(go_file, ""), exp)


# ---- compiler diagnostics ----------------------------------------------------------------------

def primary_diagnostics(text, go_file):
    """The primary lines of a compiler's diagnostics, as 'NAME.go:LINE:COL: message'.

    Paths are reduced to the file's base name; gc's '# package' header, tab-indented continuation
    lines ('\\tother declaration of x', 'have (...)') and blank lines are dropped."""
    base = os.path.basename(go_file)
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("\t"):
            continue
        path, sep, rest = line.partition(":")
        if sep and os.path.basename(path) == base:
            line = base + ":" + rest
        out.append(line)
    return out


def unsupported_lines(go_file):
    """1-based numbers of the lines marked '// UNSUPPORTED' in a program."""
    with open(go_file, encoding="utf-8") as f:
        return [i for i, line in enumerate(f, 1) if UNSUPPORTED_MARK in line]


# ---- running commands --------------------------------------------------------------------------

@dataclass
class Result:
    stdout: bytes
    stderr: bytes
    status: int        # exit status, or -N when killed by signal N
    timed_out: bool = False


def run(cmd, timeout, cwd=None, env=None, merge_stderr=False, stdin=None):
    """Runs cmd with stdin from the bytes `stdin` (default: /dev/null); kills its whole process group
    on timeout. With merge_stderr, stderr shares stdout's pipe (Result.stdout holds both)."""
    p = subprocess.Popen(cmd, cwd=cwd, env=env,
                         stdin=subprocess.DEVNULL if stdin is None else subprocess.PIPE,
                         stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT if merge_stderr else subprocess.PIPE,
                         start_new_session=True)
    try:
        out, err = p.communicate(input=stdin, timeout=timeout)
        return Result(out, err or b"", p.returncode)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        out, err = p.communicate()
        return Result(out, err or b"", p.returncode, True)


def describe_status(status):
    if status < 0:
        try:
            return f"killed by {signal.Signals(-status).name}"
        except ValueError:
            return f"killed by signal {-status}"
    return f"exit status {status}"


def show(data):
    """Bytes as text for diffs and messages (invalid UTF-8 shown as \\x escapes)."""
    return data.decode("utf-8", "backslashreplace")
