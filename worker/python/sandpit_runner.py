"""Runs one learner program: compile, execute in a fresh globals dict under the policy, report the outcome.

The worker calls `run_program(request, host)`: `request` is the RunRequest of src/wire/protocol.ts, whole,
as a plain dict (code, filename, policy, stdin, and whatever a run carries next), and `host` the worker's
blocking input and sleep. It gets back a dict describing how the program ended (RunOutcome), which
Pyodide converts to a JavaScript object in C: after the program has run, nothing it could have patched
(the `json` module, say) is used to report on it. Output is not part of the result: it streams to the
main thread while the program runs.

Each interpreter runs exactly one program (the main thread replaces it afterwards), so the runner may patch
process-wide state (sys.stdin, time.sleep) for the program's sake without cleaning up.
"""

import linecache
import sys

import sandpit_host
import sandpit_output
import sandpit_isolation
import turtle as _turtle
from sandpit_guard import compile_learner_code
from sandpit_learner_sys import learner_sys
from sandpit_policy import HOST_BRIDGES, Policy, build_builtins
from sandpit_explain import explain
from sandpit_traceback import describe_exception

_MAX_MESSAGE_CHARS = 8 * 1024
# Well under the main thread's limit for a traceback (src/wire/wire-limits.ts, 64 Ki), which it enforces by
# replacing the interpreter: a traceback that repeats a huge message must be cut here, not refused there.
_MAX_TRACEBACK_CHARS = 32 * 1024


class _Exit:
    """`exit()` and `quit()` for a program that has no interactive session to close: raise SystemExit."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Use {self.name}() to end the program"

    def __call__(self, code=None):
        raise SystemExit(code)


def _exit_code(exc):
    """Python's rules for SystemExit: None is 0, an int is itself, anything else is printed and means 1."""
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    try:
        print(code, file=sys.stderr)
    except BaseException:
        pass
    return 1


def _remember_source(code, filename):
    # Tracebacks read source lines through linecache; our code has no file on disk.
    lines = code.splitlines(keepends=True)
    linecache.cache[filename] = (len(code), None, lines, filename)


def _flush_streams():
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            stream.flush()
        except BaseException:  # The learner may have closed or replaced the stream.
            pass


def _error_report(exc, filename):
    """describe_exception's report with the plain-language help (or None) added, cut to the wire's limits."""
    report = describe_exception(exc, filename)
    try:
        report["explanation"] = explain(exc, filename)
    except BaseException:  # The program may have broken what the help looks at: then there is no help.
        report["explanation"] = None
    return _truncate(report)


def _truncate(report):
    message = report["message"]
    if len(message) > _MAX_MESSAGE_CHARS:
        report["message"] = message[:_MAX_MESSAGE_CHARS] + "…"
    traceback = report["traceback"]
    if len(traceback) > _MAX_TRACEBACK_CHARS:
        left_out = len(traceback) - _MAX_TRACEBACK_CHARS
        report["traceback"] = traceback[:_MAX_TRACEBACK_CHARS] + f"… ({left_out} more characters not shown)\n"
    return report


def fresh_globals(policy, overrides=None, sys_module=None):
    """The program's globals: its builtins under `policy`, and `sys_module` (a new learner_sys() unless
    given) as what `import sys` gives it."""
    replacements = {"exit": _Exit("exit"), "quit": _Exit("quit"), **(overrides or {})}
    substitutes = {"sys": sys_module if sys_module is not None else learner_sys()}
    return {
        "__name__": "__main__",
        "__doc__": None,
        "__package__": None,
        "__builtins__": build_builtins(policy, overrides=replacements, substitutes=substitutes),
    }


def compile_checked(code, filename):
    """Parse, refuse denied names (SandboxError, pointing at the line), compile, mend the exception table,
    record the code as the learner's (sandpit_guard.compile_learner_code)."""
    return compile_learner_code(code, filename)


_NO_STDIN = {"lines": [], "whenExhausted": "eof"}

# The program's uncaught exception, kept until the interpreter is thrown away: freeing the traceback of a
# recursion a million frames deep frees each frame from the next, a C recursion that overflows the stack.
_KEPT_EXCEPTIONS = []


def run_program(request, host=None):
    """Run `request["code"]` as the `__main__` module of a fresh namespace; return the RunOutcome as a dict.

    `host` provides blocking input and sleep (see sandpit_host); `request["stdin"]` is the StdinPlan.
    """
    code = str(request["code"])
    filename = str(request["filename"])
    policy = Policy(request["policy"])
    stdin = request.get("stdin") or _NO_STDIN
    sandpit_output.install(
        int(getattr(host, "stdout_line_signal", 0) or 0), int(getattr(host, "stdout_block_signal", 0) or 0))
    functions = sandpit_host.install(
        host, stdin["lines"], stdin["whenExhausted"], stdin.get("unavailableReason"),
        events=request.get("events", False))
    learner_input = functions.input
    _finish_drawing = _turtle._finish_run
    _turtle._connect(functions.wait_event, learner_input, getattr(host, "can_wait", False))
    _remember_source(code, filename)
    try:
        compiled = compile_checked(code, filename)
        sys_module = learner_sys()
        namespace = fresh_globals(policy, {"input": learner_input}, sys_module)
        sandpit_isolation.install(HOST_BRIDGES, namespace["__builtins__"], policy, sys_module)
        exec(compiled, namespace)
        outcome = {"kind": "completed"}
    except SystemExit as exc:
        code_value = _exit_code(exc)
        outcome = {"kind": "completed"} if code_value == 0 else {"kind": "exited", "exitCode": code_value}
    except BaseException as exc:  # noqa: BLE001 - everything the learner raises is reported, not propagated.
        _KEPT_EXCEPTIONS.append(exc)
        outcome = {"kind": "raised", "error": _error_report(exc, filename)}
    finally:
        try:
            _finish_drawing()
        except BaseException:  # The program may have broken turtle's state; its output stands as it is.
            pass
        _flush_streams()
    return outcome
