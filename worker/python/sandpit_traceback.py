"""Tracebacks a learner can read: only the learner's own frames, line numbers that match the editor.

Frames from the standard library, Pyodide (`/lib/python314.zip/_pyodide/...`) and Sandpit's own bootstrap
are dropped; the exception line itself is kept as Python wrote it. Chained exceptions ("During handling of
the above exception...") are trimmed the same way.
"""

import linecache
from traceback import StackSummary, TracebackException

# Frames kept per traceback (the innermost ones). A recursion 10**6 deep would otherwise spend seconds
# extracting frames that the formatter collapses into "[Previous line repeated ...]" anyway.
MAX_FRAMES = 200

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


def format_learner_traceback(exc):
    """The formatted traceback of `exc` with every non-learner frame removed."""
    te = TracebackException.from_exception(exc, limit=-MAX_FRAMES, capture_locals=False)
    _trim_chain(te, set())
    return "".join(te.format())


def error_location(exc, filename):
    """(line, column, end_column) in the learner's file `filename`, or Nones when it can't be placed there.

    For a SyntaxError Python knows the exact spot. Otherwise it is the innermost frame in the learner's
    file: the line the editor should mark.
    """
    if isinstance(exc, SyntaxError) and exc.filename == filename and exc.lineno:
        end = exc.end_offset if exc.end_lineno in (None, exc.lineno) else None
        return exc.lineno, exc.offset, end
    line = column = end_column = None
    tb = exc.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename == filename:
            line = tb.tb_lineno
            column = end_column = None
            positions = _instruction_positions(code, tb.tb_lasti)
            if positions is not None:
                start_line, end_line, start_col, end_col = positions
                if start_line == line and end_line == line and start_col is not None and end_col is not None:
                    source_line = linecache.getline(filename, line)
                    column = _character_column(source_line, start_col) + 1
                    end_column = _character_column(source_line, end_col) + 1
        tb = tb.tb_next
    return line, column, end_column


def _character_column(line, byte_offset):
    """co_positions() counts UTF-8 bytes; the editor counts characters."""
    return len(line.encode("utf-8")[:byte_offset].decode("utf-8", errors="ignore"))


def _instruction_positions(code, lasti):
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
        line, column, end_column = error_location(exc, filename)
    except BaseException:
        line = column = end_column = None
    try:
        formatted = format_learner_traceback(exc)
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
