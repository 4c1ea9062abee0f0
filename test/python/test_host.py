import _thread
import sys
import time

import sandpit_host
from conftest_support import raises


class FakeHost:
    """Stands in for worker/host-bridge.ts: scripted answers, records what was asked."""

    def __init__(self, answers=(), sleep_interrupts=False):
        self.answers = list(answers)
        self.prompts = []
        self.slept = []
        self.sleep_interrupts = sleep_interrupts
        self.signals_taken = 0

    def read_line(self, prompt):
        self.prompts.append(prompt)
        return self.answers.pop(0) if self.answers else None

    def sleep(self, milliseconds):
        self.slept.append(milliseconds)
        return self.sleep_interrupts

    def take_signal(self):
        self.signals_taken += 1
        return 2


class Saved:
    """Restores what install() patches, so tests don't leak into each other."""

    def __enter__(self):
        self.stdin, self.stdout, self.sleep = sys.stdin, sys.stdout, time.sleep
        return self

    def __exit__(self, *exc):
        sys.stdin, sys.stdout, time.sleep = self.stdin, self.stdout, self.sleep


class Capture:
    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass


def test_input_uses_prepared_lines_first_then_asks_the_host():
    with Saved():
        host = FakeHost(["asked"])
        sys.stdout = Capture()
        learner_input = sandpit_host.install(host, ["prepared"], "ask", False)
        assert learner_input("First? ") == "prepared"
        assert learner_input("Second? ") == "asked"
        assert sys.stdout.text == "First? Second? "
        assert host.prompts == ["Second? "]


def test_input_at_end_of_file_raises_eof_error():
    with Saved():
        learner_input = sandpit_host.install(FakeHost([None]), [], "ask", False)
        error = raises(EOFError, learner_input, "x")
        assert str(error) == "EOF when reading a line"
        learner_input = sandpit_host.install(FakeHost(), ["only"], "eof", False)
        assert learner_input() == "only"
        raises(EOFError, learner_input)


def test_input_without_shared_memory_says_why_it_cannot_wait():
    with Saved():
        learner_input = sandpit_host.install(FakeHost(), [], "unavailable", False)
        error = raises(sandpit_host.InputUnavailableError, learner_input, "Name? ")
        assert "can't wait for typing" in str(error)
        assert "Cross-Origin-Opener-Policy" in str(error)


def test_an_interrupt_while_waiting_becomes_keyboard_interrupt():
    with Saved():
        host = FakeHost([False, "never read"])
        learner_input = sandpit_host.install(host, [], "ask", False)
        raises(KeyboardInterrupt, learner_input, "Name? ")
        assert host.signals_taken == 1


def test_sys_stdin_reads_lines_reads_all_and_iterates():
    with Saved():
        sandpit_host.install(FakeHost(), ["a", "b", "c"], "eof", False)
        assert sys.stdin.readline() == "a\n"
        assert list(sys.stdin) == ["b\n", "c\n"]
        assert sys.stdin.readline() == ""
        sandpit_host.install(FakeHost(), ["x", "y"], "eof", False)
        assert sys.stdin.read() == "x\ny\n"
        assert not sys.stdin.isatty()


def test_sleep_waits_through_the_host_in_milliseconds():
    with Saved():
        host = FakeHost()
        sandpit_host.install(host, [], "eof", True)
        time.sleep(0.02)
        assert host.slept and 0 < host.slept[0] <= 20
        time.sleep(0)


def test_sleep_checks_its_argument_like_cpython():
    with Saved():
        sandpit_host.install(FakeHost(), [], "eof", True)
        raises(ValueError, time.sleep, -1)
        raises(TypeError, time.sleep, "1")
        raises(ValueError, time.sleep, float("nan"))


def test_an_interrupted_sleep_raises_keyboard_interrupt():
    with Saved():
        host = FakeHost(sleep_interrupts=True)
        sandpit_host.install(host, [], "eof", True)
        raises(KeyboardInterrupt, time.sleep, 10)


def test_a_program_that_ignores_sigint_keeps_sleeping():
    import signal

    with Saved():
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            host = FakeHost(sleep_interrupts=True)
            sandpit_host.install(host, [], "eof", True)
            started = time.monotonic()
            time.sleep(0.05)
            assert time.monotonic() - started >= 0.05
            assert len(host.slept) > 1
        finally:
            signal.signal(signal.SIGINT, previous)
