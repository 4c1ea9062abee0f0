"""sys.stdout without a crossing into JavaScript at every line, still streaming.

Line-buffered, as Pyodide sets it up, every printed line is a write into the worker's JavaScript (about
2 microseconds each: two fifths of a 200 000-line flood's loop). Here stdout keeps CPython's own block
buffering, and the worker's tick raises `flush_signal` every FLUSH_INTERVAL_MS while Python runs
(worker/interpreter-tick.ts), whose handler writes out what is waiting: a line printed before a long
computation still shows within a few hundredths of a second, and a line without its newline
(`print(".", end="")`) now shows too. Waits (input, sleep, turtle's events) flush before they wait
(sandpit_host), the runner after the program, and sys.stderr writes what stdout holds first, so the two
streams keep the order they were written in.

A handler may run inside stdout's own buffered writer (CPython polls for signals from inside it): a flush
from there would be refused as a reentrant call, and would lose what the text layer had handed over. So
the buffered writer is asked first, on its own: refused, it does nothing, and the flush waits for the
next signal.
"""

import io
import signal
import sys

_installed = []


def flush_safely(stream):
    """Flushes a text stream unless called from inside its own buffered writer. Never raises."""
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            buffer.flush()  # RuntimeError, having done nothing, when we are inside this writer already
        stream.flush()
    except Exception:  # Inside the writer, or the learner closed or broke the stream: the next flush will do.
        pass


def flush_buffered():
    """Writes out what stdout holds (a no-op unless install() ran). Never raises."""
    for stream in _installed:
        flush_safely(stream)


def flush_handler(flush=flush_buffered):
    """The handler of the tick's flush signal: `flush()`, never nested (its own writes poll for signals)."""
    inside = [False]

    def flush_output(signum, frame):
        if inside[0]:
            return
        inside[0] = True
        try:
            flush()
        finally:
            inside[0] = False

    return flush_output


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

    @property
    def encoding(self):
        return self._stderr.encoding

    @property
    def errors(self):
        return self._stderr.errors

    @property
    def name(self):
        return self._stderr.name

    @property
    def buffer(self):
        return self._stderr.buffer

    @property
    def line_buffering(self):
        return self._stderr.line_buffering


def install(flush_signal):
    """Block-buffers the real stdout, flushed by `flush_signal`'s handler; sys.stderr keeps the order.
    A `flush_signal` of 0 leaves the streams as they are (line-buffered)."""
    if not flush_signal or _installed:
        return
    stdout = sys.stdout
    stdout.reconfigure(line_buffering=False)
    _installed.append(stdout)
    signal.signal(flush_signal, flush_handler())
    sys.stderr = sys.__stderr__ = StderrAfterStdout(sys.stderr)
