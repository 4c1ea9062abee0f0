"""Tracebacks a learner can read: only the learner's own frames, line numbers that match the editor.

Frames from the standard library, Pyodide (`/lib/python314.zip/_pyodide/...`) and Sandpit's own bootstrap
are dropped; the exception line itself is kept as Python wrote it. Chained exceptions ("During handling of
the above exception...") are trimmed the same way.
"""

import linecache
from collections import deque
from traceback import StackSummary, TracebackException

# Frames kept per traceback: the outermost few (where the program started it) and the innermost ones.
# A recursion 10**6 deep would otherwise spend seconds (14 s, measured) working out the positions of
# frames the formatter collapses into "[Previous line repeated ...]" anyway.
MAX_FRAMES = 200
_OUTER_FRAMES = 3

# Traceback entries cut out of a chain, kept alive on purpose: freeing a chain a million entries long
# frees each entry from the one before it, a C recursion that overflowed the interpreter's stack
# (measured: "crashed" instead of the RecursionError). The interpreter runs one program and is then
# thrown away, so nothing kept here outlives the run.
_DETACHED = []

# Where code that is not the learner's lives inside the interpreter's file system.
_FOREIGN_PREFIXES = ("/lib/", "/sandpit/", "<frozen ")


def is_learner_frame(filename):
    return not filename.startswith(_FOREIGN_PREFIXES)


def _trim_stack(stack):
    kept = [frame for frame in stack if is_learner_frame(frame.filename)]
    return StackSummary.from_list(kept)


def _trim_chain(te, seen):
    if te is None or id(te) in seen:
        return
    seen.add(id(te))
    te.stack = _trim_stack(te.stack)
    _trim_chain(te.__cause__, seen)
    _trim_chain(te.__context__, seen)
    for group_member in te.exceptions or ():
        _trim_chain(group_member, seen)


def shorten_traceback(tb, outer=_OUTER_FRAMES, inner=MAX_FRAMES):
    """Cuts the chain of traceback entries `tb` down to its `outer` first and `inner` last entries, in
    place (tb_next is writable), so nothing later walks the frames between. Returns how many were left
    out. Walking the chain once costs a pointer per entry; nothing about the frames is computed."""
    first = []
    last = deque(maxlen=inner)
    count = 0
    node = tb
    while node is not None:
        if count < outer:
            first.append(node)
        else:
            last.append(node)
        count += 1
        node = node.tb_next
    left_out = count - len(first) - len(last)
    if left_out > 0:
        _DETACHED.append(first[-1].tb_next)
        first[-1].tb_next = last[0]
    return left_out


def _shorten_chain(exc, seen):
    """Shortens the traceback of `exc` and of the exceptions chained to it; returns what was left out."""
    if exc is None or id(exc) in seen or len(seen) > 100:
        return 0
    seen.add(id(exc))
    left_out = shorten_traceback(exc.__traceback__)
    left_out += _shorten_chain(exc.__cause__, seen)
    left_out += _shorten_chain(exc.__context__, seen)
    return left_out


def format_learner_traceback(exc, left_out=None):
    """The formatted traceback of `exc` with every non-learner frame removed, never more than about
    MAX_FRAMES frames long however deep the recursion was (`left_out`: what shortening it already cut)."""
    if left_out is None:
        left_out = _shorten_chain(exc, set())
    # Already short (chained exceptions beyond the hundredth are not: the limit caps those).
    te = TracebackException.from_exception(exc, limit=-(MAX_FRAMES + _OUTER_FRAMES), capture_locals=False)
    _trim_chain(te, set())
    lines = list(te.format())
    if left_out > 0 and lines:
        lines.insert(len(lines) - 1, f"  [{left_out} frames in the middle of this traceback are not shown]\n")
    return "".join(lines)


def error_location(exc, filename):
    """(line, column, end_column) in the learner's file `filename`, or Nones when it can't be placed there.

    For a SyntaxError Python knows the exact spot. Otherwise it is the innermost frame in the learner's
    file: the line the editor should mark.
    """
    if isinstance(exc, SyntaxError) and exc.filename == filename and exc.lineno:
        end = exc.end_offset if exc.end_lineno in (None, exc.lineno) else None
        return exc.lineno, exc.offset, end
    line = column = end_column = None
    innermost = innermost_learner_entry(exc, filename)
    if innermost is None:
        return line, column, end_column
    # Positions are worked out for that one frame only: a million frames deep, this stays instant.
    code = innermost.tb_frame.f_code
    line = innermost.tb_lineno
    positions = instruction_positions(code, innermost.tb_lasti)
    if positions is not None:
        start_line, end_line, start_col, end_col = positions
        if start_line == line and end_line == line and start_col is not None and end_col is not None:
            source_line = linecache.getline(filename, line)
            column = _character_column(source_line, start_col) + 1
            end_column = _character_column(source_line, end_col) + 1
    return line, column, end_column


def innermost_learner_entry(exc, filename):
    """The traceback entry of the innermost frame running the learner's file `filename`, or None."""
    innermost = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            innermost = tb
        tb = tb.tb_next
    return innermost


def _character_column(line, byte_offset):
    """co_positions() counts UTF-8 bytes; the editor counts characters."""
    return len(line.encode("utf-8")[:byte_offset].decode("utf-8", errors="ignore"))


def instruction_positions(code, lasti):
    """(line, end_line, column, end_column) of the instruction at `lasti`; columns count UTF-8 bytes,
    as the ast module's offsets do."""
    if lasti < 0:
        return None
    positions = list(code.co_positions())
    index = lasti // 2
    return positions[index] if 0 <= index < len(positions) else None


def describe_exception(exc, filename):
    """The report the worker sends for an exception (PythonErrorReport in src/wire/protocol.ts).

    The program may have broken what the report is built with (patched `traceback` or `linecache`, an
    exception whose __str__ raises): then a plainer report is sent, never an error of the harness.
    """
    type_name = type(exc).__name__
    try:
        # A SyntaxError's str() repeats the file and line, which the report carries separately.
        message = str(exc.msg) if isinstance(exc, SyntaxError) and exc.msg else str(exc)
    except BaseException:
        message = "<exception str() failed>"
    try:
        # First, so that nothing after it walks more than a few hundred entries.
        left_out = _shorten_chain(exc, set())
    except BaseException:
        left_out = 0
    try:
        line, column, end_column = error_location(exc, filename)
    except BaseException:
        line = column = end_column = None
    try:
        formatted = format_learner_traceback(exc, left_out)
    except BaseException:
        formatted = f"{type_name}: {message}\n"
    return {
        "type": type_name,
        "message": message,
        "line": line,
        "column": column,
        "endColumn": end_column,
        "traceback": formatted,
    }
