import io

import sandpit_output


class RecordingRaw(io.RawIOBase):
    """A raw stream that records each write, and can run `during_write` from inside the buffered writer
    above it, as a signal handler does when CPython polls from inside that writer."""

    def __init__(self, log, name):
        self.log = log
        self.name = name
        self.during_write = None

    def writable(self):
        return True

    def write(self, data):
        if self.during_write is not None:
            action, self.during_write = self.during_write, None
            action()
        self.log.append((self.name, bytes(data).decode()))
        return len(data)


def block_buffered(log, name):
    raw = RecordingRaw(log, name)
    return raw, io.TextIOWrapper(io.BufferedWriter(raw), encoding="utf-8", line_buffering=False)


def test_a_flush_from_inside_the_writer_is_refused_and_loses_nothing():
    log = []
    raw, stdout = block_buffered(log, "out")
    stdout.write("first\n")
    stdout.flush()
    stdout.write("held back\n")
    # The buffered writer is busy writing "more" when the handler tries to flush the same stream.
    raw.during_write = lambda: sandpit_output.flush_safely(stdout)
    stdout.write("more\n")
    stdout.flush()
    stdout.flush()
    assert "".join(text for _, text in log) == "first\nheld back\nmore\n", log


def test_stderr_writes_what_stdout_holds_first():
    log = []
    _, stdout = block_buffered(log, "out")
    _, real_stderr = block_buffered(log, "err")
    stderr = sandpit_output.StderrAfterStdout(real_stderr, lambda: sandpit_output.flush_safely(stdout))
    print("one", file=stdout)
    print("warning", file=stderr, flush=True)
    print("two", file=stdout)
    stdout.flush()
    assert log == [("out", "one\n"), ("err", "warning\n"), ("out", "two\n")], log
    assert stderr.encoding == "utf-8" and stderr.writable() and not stderr.isatty()


def test_a_stdout_handler_never_nests():
    calls = []

    def flush_and_signal_again():
        calls.append("flush")
        handler(63, None)  # the signal again while the first is being handled

    handler = sandpit_output.stdout_handler(False, flush_and_signal_again)
    handler(63, None)
    handler(63, None)
    assert calls == ["flush", "flush"]


def test_each_signal_leaves_stdout_in_its_mode_and_writes_it_out():
    log = []
    _, stdout = block_buffered(log, "out")
    stdout.write("partial")
    sandpit_output.buffer_and_flush(stdout, True)
    assert stdout.line_buffering and log == [("out", "partial")]
    stdout.write(" line\n")
    assert log[-1] == ("out", " line\n")  # line-buffered: written at its newline
    sandpit_output.buffer_and_flush(stdout, False)
    stdout.write("held\n")
    assert not stdout.line_buffering and log[-1] == ("out", " line\n")
    sandpit_output.buffer_and_flush(stdout, False)
    assert log[-1] == ("out", "held\n")


def test_a_mode_change_from_inside_the_writer_waits_for_the_next_signal_and_loses_nothing():
    log = []
    raw, stdout = block_buffered(log, "out")
    stdout.write("held back\n")
    raw.during_write = lambda: sandpit_output.buffer_and_flush(stdout, True)
    stdout.write("x" * 10_000)  # more than the text layer keeps: handed to the writer, which writes
    stdout.flush()
    assert not stdout.line_buffering  # refused: nothing changed
    sandpit_output.buffer_and_flush(stdout, True)
    assert stdout.line_buffering
    assert "".join(text for _, text in log) == "held back\n" + "x" * 10_000, log


def test_without_stdout_signals_stdout_stays_line_buffered():
    import sys

    sandpit_output.install(0, 0)
    assert sys.stdout.line_buffering
