"""suite: how test/run.go reads a Go 1.19 suite test file, shared by tools/gosuite and tools/errorcheck.

A test's recipe is the file's leading comment block up to the first blank line (a first line
mentioning +build is skipped); build constraints before the package clause are evaluated for
linux/amd64/gc. recipe() returns (action, args): ("run", [...]), ("errorcheck", [...]) ...
"""
import os
import re

# Build tags true for the reference configuration (test/run.go's context.match for linux/amd64 gc,
# with go1.19's default GOEXPERIMENTs on amd64 in build.Default.ToolTags).
TAGS = {"linux", "amd64", "gc", "cgo", "unix", "test_run",
        "goexperiment.regabiwrappers", "goexperiment.regabiargs"}


def tag_true(name):
    return bool(re.fullmatch(r"[\w.]+", name)) and name in TAGS


def eval_go_build(expr):
    """Evaluates a //go:build expression (||, &&, !, parentheses); raises ValueError if malformed."""
    toks = re.findall(r"\|\||&&|!|\(|\)|[^\s()!&|]+", expr)
    pos = 0

    def peek():
        return toks[pos] if pos < len(toks) else None

    def take():
        nonlocal pos
        pos += 1
        return toks[pos - 1] if pos <= len(toks) else None

    def or_expr():
        v = and_expr()
        while peek() == "||":
            take()
            v = and_expr() or v
        return v

    def and_expr():
        v = not_expr()
        while peek() == "&&":
            take()
            v = not_expr() and v
        return v

    def not_expr():
        t = take()
        if t == "!":
            return not not_expr()
        if t == "(":
            v = or_expr()
            if take() != ")":
                raise ValueError(expr)
            return v
        if t is None or t in ("||", "&&", ")"):
            raise ValueError(expr)
        return tag_true(t)

    v = or_expr()
    if peek() is not None:
        raise ValueError(expr)
    return v


def constraint_value(line):
    """True/False for a build-constraint line, None for any other line (as go/build/constraint)."""
    if re.match(r"//go:build(\s|$)", line):
        try:
            return eval_go_build(line[len("//go:build"):])
        except ValueError:
            return None
    if line.startswith("//"):
        body = line[2:].strip()
        if re.match(r"\+build(\s|$)", body):
            options = body[len("+build"):].split()
            if not options:
                return None
            term = lambda t: not tag_true(t[1:]) if t.startswith("!") else tag_true(t)  # noqa: E731
            return any(all(term(t) for t in opt.split(",")) for opt in options)
    return None


def split_quoted(s):
    """test/run.go's splitQuoted: whitespace-separated words with '...' and "..." quoting."""
    words, cur, quote, quoted, escaped = [], [], None, False, False
    for ch in s:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
            continue
        elif quote:
            if ch == quote:
                quote = None
                continue
        elif ch in "\"'":
            quoted, quote = True, ch
            continue
        elif ch.isspace():
            if quoted or cur:
                words.append("".join(cur))
                cur, quoted = [], False
            continue
        cur.append(ch)
    if quoted or cur:
        words.append("".join(cur))
    return words


def strip_comments(src):
    """Go source with comments removed and string/rune literals kept (enough to find imports)."""
    return re.sub(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|`[^`]*`|\'(?:\\.|[^\'\\\n])*\'',
                  lambda m: m.group(0) if m.group(0)[0] in "\"`'" else " ", src, flags=re.S)


def imports_something(src):
    return re.search(r"(?m)^\s*import\b", strip_comments(src)) is not None


IMPORT_BLOCK_RE = re.compile(r"(?m)^\s*import\s*\((.*?)\)", re.S)
IMPORT_LINE_RE = re.compile(r'(?m)^\s*import\s+(?:[\w.]+\s+)?"([^"]+)"')
IMPORT_SPEC_RE = re.compile(r'(?:[\w.]+\s+)?"([^"]+)"')


def imports(src):
    """The set of import paths of a Go file (its import declarations, any form)."""
    code = strip_comments(src)
    paths = set(IMPORT_LINE_RE.findall(code))
    for block in IMPORT_BLOCK_RE.findall(code):
        paths.update(IMPORT_SPEC_RE.findall(block))
    return paths


def recipe(src):
    """(action, args) of a test file, or None if run.go would skip it before looking at the action."""
    if not src or src[0] == "\n" or "\n\n" not in src:
        return None
    action = src.split("\n\n", 1)[0]
    first, nl, rest = action.partition("\n")
    if nl and "+build" in first:
        action = rest
    if action.startswith("//"):
        action = action[2:]
    header = src.split("\npackage", 1)[0] if "\npackage" in src else action
    for line in header.split("\n"):
        if line.startswith("package "):
            break
        if constraint_value(line) is False:
            return None
    words = split_quoted(action)
    return (words[0], words[1:]) if words else None


def test_files(testdir, dirs):
    """(relative path, source) of every .go file directly in the suite directories dirs, in order."""
    for d in dirs:
        full = os.path.join(testdir, d)
        for name in sorted(os.listdir(full)):
            path = os.path.join(full, name)
            if name.startswith(".") or not name.endswith(".go") or not os.path.isfile(path):
                continue
            with open(path, encoding="latin-1") as f:
                yield os.path.normpath(os.path.join(d, name)), f.read()
