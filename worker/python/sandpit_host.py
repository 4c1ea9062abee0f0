"""input(), sys.stdin and time.sleep for learners' programs, on top of the worker's blocking host calls.

The worker hands each run a small host object (a JavaScript object, see worker/host-bridge.ts):

    host.read_line(prompt) -> str (a line) | None (end of file) | False (interrupted)
    host.sleep(milliseconds) -> bool (True when woken early by an interrupt)
    host.take_signal() -> int

Both block with Atomics.wait, so a program waiting for input or sleeping uses no CPU, and Stop reaches it
at once. An interrupt is turned into Python's own SIGINT handling (`_thread.interrupt_main`), so a program
that ignores SIGINT keeps waiting and is killed by the main thread after the grace period, as it should be.
"""

import _thread
import io
import sys
import time as _time

_EOF_MESSAGE = "EOF when reading a line"
_UNAVAILABLE_MESSAGE = (
    "input() can't wait for typing on this page: the server does not send the headers Sandpit needs "
    "(Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy)"
)


class InputUnavailableError(RuntimeError):
    """input() on a page without shared memory, with no prepared lines left."""


InputUnavailableError.__module__ = "builtins"


class HostIO:
    """Line input and sleeping for one run. `lines` are answered first, then `when_exhausted` decides."""

    def __init__(self, host, lines, when_exhausted):
        self._host = host
        self._lines = list(lines)
        self._when_exhausted = when_exhausted

    def _deliver_interrupt(self):
        # Hand the interrupt to CPython's own signal handling; it raises at the next bytecode, unless
        # the program has chosen to ignore SIGINT.
        self._host.take_signal()
        _thread.interrupt_main()

    def read_line(self, prompt=""):
        """One line without its newline, or None at end of file."""
        while True:
            if self._lines:
                return self._lines.pop(0)
            if self._when_exhausted == "eof":
                return None
            if self._when_exhausted == "unavailable":
                raise InputUnavailableError(_UNAVAILABLE_MESSAGE)
            result = self._host.read_line(prompt)
            if result is None:
                return None
            if result is False:
                self._deliver_interrupt()
                continue
            return str(result)

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
            if self._host.sleep(min(remaining, 3600.0) * 1000.0):
                self._deliver_interrupt()


def _time_argument(value):
    # time.sleep accepts what converts to a float through __float__ or __index__, like CPython does.
    if hasattr(type(value), "__float__") or hasattr(type(value), "__index__"):
        return float(value)
    raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer or float")


class LearnerStdin(io.TextIOBase):
    """sys.stdin for learners' programs: readline, read and iteration over the same line source."""

    def __init__(self, host_io):
        super().__init__()
        self._io = host_io

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
        line = self._io.read_line("")
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


def install(host, lines, when_exhausted, patch_sleep):
    """Wire input(), sys.stdin and (with shared memory) time.sleep for one run. Returns `input`."""
    host_io = HostIO(host, lines, when_exhausted)
    sys.stdin = LearnerStdin(host_io)
    if patch_sleep:
        _time.sleep = host_io.sleep
    return host_io.input
