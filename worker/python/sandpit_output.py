"""sys.stdout that streams without a crossing into JavaScript at every line of a flood.

Line-buffered, as Pyodide sets it up, every printed line is a write into the worker's JavaScript (about
2 microseconds each: two fifths of a 200 000-line flood's loop). Block-buffered, a line printed just
before a long call into C (`print("summing"); sum(range(10**12))`) would wait for the call to return:
no signal is handled until then. So the worker's tick decides every STDOUT_INTERVAL_MS while Python runs
(worker/interpreter-tick.ts): a program printing a flood gets `block_signal`, any other `line_signal`,
and each handler leaves stdout in its mode and writes out what it holds. A line printed without its
newline (`print(".", end="")`) shows while the program computes. Waits (input, sleep, turtle's events)
flush before they wait (sandpit_host), the runner after the program, and sys.stderr writes what stdout
holds first, so the two streams keep the order they were written in.

A handler may run inside stdout's own buffered writer (CPython polls for signals from inside it): a flush
from there would be refused as a reentrant call, and would lose what the text layer had handed over. So
the buffered writer is asked first, on its own: refused, the handler does nothing, and the next interval's
signal asks again.
"""

import io
import signal
import sys

_installed = []


def flush_safely(stream):
    """Flushes a text stream unless called from inside its own buffered writer. True when it flushed;
    never raises."""
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            buffer.flush()  # RuntimeError, having done nothing, when we are inside this writer already
        stream.flush()
        return True
    except Exception:  # Inside the writer, or the learner closed or broke the stream: the next flush will do.
        return False


def flush_buffered():
    """Writes out what stdout holds (a no-op unless install() ran). Never raises."""
    for stream in _installed:
        flush_safely(stream)


def buffer_and_flush(stream, line_buffering):
    """Writes out what `stream` holds, then leaves it line- or block-buffered. Never raises."""
    if not flush_safely(stream):
        return
    try:
        if stream.line_buffering != line_buffering:
            stream.reconfigure(line_buffering=line_buffering)
    except Exception:  # The learner closed or replaced its buffer: nothing of ours to keep buffered.
        pass


def stdout_handler(line_buffering, flush=None):
    """The handler of one of the tick's stdout signals: `flush()` (by default, leave the installed stdout
    in this mode and write it out), never nested (its own writes poll for signals)."""
    if flush is None:
        def flush():
            for stream in _installed:
                buffer_and_flush(stream, line_buffering)
    inside = [False]

    def buffer_stdout(signum, frame):
        if inside[0]:
            return
        inside[0] = True
        try:
            flush()
        finally:
            inside[0] = False

    return buffer_stdout


def _real_stderrs(name):
    """A read-only attribute of StderrAfterStdout that is the real stderr's."""
    return property(lambda self: getattr(self._stderr, name), doc=f"The real stderr's {name}.")


class StderrAfterStdout(io.TextIOBase):
    """sys.stderr: each write first flushes stdout, so an error line never overtakes the lines printed
    before it. Everything else is the real stderr's."""

    def __init__(self, stderr, flush_first=flush_buffered):
        super().__init__()
        self._stderr = stderr
        self._flush_first = flush_first

    def write(self, text):
        self._flush_first()
        return self._stderr.write(text)

    def flush(self):
        self._stderr.flush()

    def writable(self):
        return True

    def isatty(self):
        return False

    def fileno(self):
        return self._stderr.fileno()

    encoding = _real_stderrs("encoding")
    errors = _real_stderrs("errors")
    name = _real_stderrs("name")
    buffer = _real_stderrs("buffer")
    line_buffering = _real_stderrs("line_buffering")


def install(line_signal, block_signal):
    """Hands the real stdout's buffering to the tick's two signals (it stays line-buffered until the
    first flood); sys.stderr keeps the order. Signals of 0 leave the streams as they are."""
    if not (line_signal and block_signal) or _installed:
        return
    _installed.append(sys.stdout)
    signal.signal(line_signal, stdout_handler(True))
    signal.signal(block_signal, stdout_handler(False))
    sys.stderr = sys.__stderr__ = StderrAfterStdout(sys.stderr)
