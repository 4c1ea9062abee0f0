"""input(), sys.stdin and time.sleep for learners' programs, on top of the worker's waiting host calls.

The worker hands each run a small host object (a JavaScript object, HostFunctions in
worker/python-sources.ts):

    host.can_wait -> bool (the host can wait: time.sleep waits through host.sleep)
    host.asynchronous -> bool (read_line, sleep and yield_now return promises: wait on them with run_sync)
    host.yield_signal -> int (the signal the worker raises when the program should let the page in, or 0)
    host.stdout_line_signal, host.stdout_block_signal -> int (the signals the worker raises to have
        sys.stdout line- or block-buffered and written out, or 0: sandpit_output)
    host.read_line(prompt) -> str (a line) | None (end of file) | False (interrupted)
    host.wait_event(timeout_ms) -> str (an event, JSON) | "" (timed out) | None (none can come) | False
    host.sleep(milliseconds) -> bool (True when woken early by an interrupt)
    host.take_signal() -> int
    host.yield_now() -> a promise, resolved when the program may go on
    host.resumed() (back on the program's own stack after waiting on one of those promises)
    host.interrupt_received() (the program's SIGINT handler is raising KeyboardInterrupt after a Stop)

On a cross-origin isolated page they block with Atomics.wait; elsewhere, with JavaScript Promise
Integration, Python is suspended (`run_sync`) so the worker's event loop can receive the page's answer.
Either way a program waiting for input or sleeping uses no CPU, and Stop reaches it at once. An interrupt
is turned into Python's own SIGINT handling (`_thread.interrupt_main`), so a program that ignores SIGINT
keeps waiting and is killed by the main thread after the grace period, as it should be. Our SIGINT
handler says when the KeyboardInterrupt is raised, so the page waits a little longer for `finally`.
"""

import _thread
import io
import signal
import sys
import time as _time

from sandpit_output import flush_buffered

try:
    from _pyodide_core import can_run_sync as _can_run_sync, run_sync as _run_sync
except ImportError:  # Not Pyodide: nothing can suspend.
    def _can_run_sync():
        return False

    def _run_sync(awaitable):
        raise RuntimeError("run_sync needs Pyodide")

_EOF_MESSAGE = "EOF when reading a line"
_UNAVAILABLE_MESSAGE = "input() can't wait for typing on this page"


class InputUnavailableError(RuntimeError):
    """input() on a page without shared memory, with no prepared lines left."""


InputUnavailableError.__module__ = "builtins"


class HostIO:
    """Line input and sleeping for one run. `lines` are answered first, then `when_exhausted` decides."""

    def __init__(self, host, lines, when_exhausted, unavailable_reason=None, run_sync=None, events=False):
        self._host = host
        # The page answers turtle's event waits (keys, clicks, timers) only when it said it would.
        self._events = bool(events) and bool(getattr(host, "can_wait", False))
        self._lines = list(lines)
        self._when_exhausted = when_exhausted
        self._unavailable_reason = str(unavailable_reason or _UNAVAILABLE_MESSAGE)
        self._suspend = run_sync or _run_sync
        self._asynchronous = bool(getattr(host, "asynchronous", False))

    def _settle(self, answer):
        """The host's answer, once it is there: asynchronous hosts hand out promises to wait on."""
        if not self._asynchronous:
            return answer
        return _suspended(self._host, self._suspend, answer)

    def _deliver_interrupt(self):
        # Hand the interrupt to CPython's own signal handling; it raises at the next bytecode, unless
        # the program has chosen to ignore SIGINT.
        self._host.take_signal()
        _thread.interrupt_main()

    def read_line(self, prompt=""):
        """One line without its newline, or None at end of file."""
        if self._lines:
            return self._lines.pop(0)
        if self._when_exhausted == "eof":
            return None
        if self._when_exhausted == "unavailable":
            raise InputUnavailableError(self._unavailable_reason)
        return self._answer(lambda: self._host.read_line(prompt))

    def _answer(self, ask):
        """The host's answer to `ask()` (a line, an event), or None; an interrupted wait becomes SIGINT
        (raised at the next bytecode, unless the program ignores it) and is asked again."""
        while True:
            flush_buffered()  # what the program printed shows before it waits
            result = self._settle(ask())
            if result is not False:
                return None if result is None else str(result)
            self._deliver_interrupt()

    def wait_event(self, timeout_ms):
        """The next key press or click the page has for turtle, as JSON text; "" once `timeout_ms` has
        passed without one (-1: no timeout); None when no event can ever come (the page offers none).
        Waiting uses no CPU, and the page doesn't count the wait towards the time limit."""
        if not self._events:
            return None
        return self._answer(lambda: self._host.wait_event(int(timeout_ms)))

    def input(self, prompt=""):
        """builtins.input for learners: prompt on stdout, then one line; EOFError at end of file."""
        prompt_text = str(prompt)
        if prompt_text:
            sys.stdout.write(prompt_text)
        try:
            sys.stdout.flush()
        except Exception:  # The learner may have replaced or closed stdout; input still works.
            pass
        line = self.read_line(prompt_text)
        if line is None:
            raise EOFError(_EOF_MESSAGE)
        return line

    def sleep(self, seconds):
        """time.sleep without burning CPU, woken by Stop."""
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
            seconds = _time_argument(seconds)
        if seconds != seconds:
            raise ValueError("Invalid value NaN (not a number)")
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        deadline = _time.monotonic() + seconds
        while True:
            remaining = deadline - _time.monotonic()
            if remaining <= 0:
                return
            flush_buffered()
            if self._settle(self._host.sleep(min(remaining, 3600.0) * 1000.0)):
                self._deliver_interrupt()


def _time_argument(value):
    # time.sleep accepts what converts to a float through __float__ or __index__, like CPython does.
    if hasattr(type(value), "__float__") or hasattr(type(value), "__index__"):
        return float(value)
    raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer or float")


class LearnerStdin(io.TextIOBase):
    """sys.stdin for learners' programs: readline, read and iteration over the same line source.
    `read_line` is one of learner_functions(): the stream holds no reference to the host itself."""

    def __init__(self, read_line):
        super().__init__()
        self._read_line = read_line

    @property
    def encoding(self):
        return "utf-8"

    @property
    def name(self):
        return "<stdin>"

    def readable(self):
        return True

    def isatty(self):
        return False

    def readline(self, size=-1):
        line = self._read_line("")
        if line is None:
            return ""
        line += "\n"
        return line if size is None or size < 0 else line[:size]

    def read(self, size=-1):
        parts = []
        while True:
            line = self.readline()
            if not line:
                break
            parts.append(line)
        return "".join(parts)

    def readlines(self, hint=-1):
        return list(iter(self.readline, ""))


def _suspended(host, suspend, promise):
    """Waits on the host's promise, then tells the host the program is back on its own stack: until then
    the worker asks for no yield, since the Python code Pyodide runs to hand the answer over is not the
    program, and a Stop raised there would be lost."""
    try:
        return suspend(promise)
    finally:
        host.resumed()


def yield_handler(host, run_sync=None, can_run_sync=None):
    """The handler of the host's yield signal: suspend the program for a moment, so the page's messages
    (Stop above all) reach the worker, then, back on the program's own stack, turn a Stop that came into
    SIGINT (so `except KeyboardInterrupt` and `finally` run, and a program ignoring SIGINT keeps going).
    Suspends only where that is possible; raises nothing of its own."""
    suspend = run_sync or _run_sync
    possible = can_run_sync or _can_run_sync
    inside = [False]  # CPython may call a handler again from within itself: never nest a yield.

    def let_the_page_in(signum, frame):
        if inside[0]:
            return
        inside[0] = True
        try:
            if possible():
                try:
                    _suspended(host, suspend, host.yield_now())
                except Exception:  # A yield that can't happen must never become the learner's error.
                    pass
            if host.take_signal():
                _thread.interrupt_main()
        finally:
            inside[0] = False

    return let_the_page_in


def interrupt_handler(notify):
    """CPython's own SIGINT behaviour (raise KeyboardInterrupt), after telling the page the program got
    it: the page then gives its `except` and `finally` blocks longer before it kills the worker. A program
    that replaces the handler (or ignores SIGINT) never says so, and is killed after the short grace."""

    def keyboard_interrupt(signum, frame):
        notify()
        raise KeyboardInterrupt

    return keyboard_interrupt


class LearnerFunctions:
    """What a run hands the program (as `input`, `sys.stdin`, `time.sleep`) and turtle (`wait_event`):
    plain functions closing over the run's HostIO. Objects a program can reach hold only these, never the
    HostIO or the JavaScript host inside it: a function's closure is behind the attribute gate
    (sandpit_gates), while a bound method's `__self__` would hand out the HostIO itself."""

    __slots__ = ("input", "sleep", "read_line", "wait_event")

    def __init__(self, host_io):
        def input(prompt=""):
            return host_io.input(prompt)

        def sleep(seconds):
            return host_io.sleep(seconds)

        def read_line(prompt=""):
            return host_io.read_line(prompt)

        def wait_event(timeout_ms):
            return host_io.wait_event(timeout_ms)

        self.input, self.sleep, self.read_line, self.wait_event = input, sleep, read_line, wait_event


def install(host, lines, when_exhausted, unavailable_reason=None, events=False):
    """Wire input(), sys.stdin, (when the host can wait) time.sleep and (when it asks for them) yields,
    for one run. Returns the run's LearnerFunctions."""
    host_io = HostIO(host, lines, when_exhausted, unavailable_reason, events=events)
    functions = LearnerFunctions(host_io)
    sys.stdin = LearnerStdin(functions.read_line)
    notify = getattr(host, "interrupt_received", None)
    if notify is not None:
        signal.signal(signal.SIGINT, interrupt_handler(notify))
    yield_signal = int(getattr(host, "yield_signal", 0) or 0)
    if yield_signal:
        signal.signal(yield_signal, yield_handler(host))
    if getattr(host, "can_wait", False):
        _time.sleep = functions.sleep
    return functions
