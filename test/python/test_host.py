import _thread
import signal
import sys
import time

import sandpit_host
from conftest_support import raises


class FakeHost:
    """Stands in for worker/host-bridge.ts: scripted answers, records what was asked."""

    def __init__(self, answers=(), sleep_interrupts=False, can_wait=False):
        self.can_wait = can_wait
        self.answers = list(answers)
        self.prompts = []
        self.slept = []
        self.sleep_interrupts = sleep_interrupts
        self.signals_taken = 0
        self.interrupts_received = 0

    def interrupt_received(self):
        self.interrupts_received += 1

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
        self.sigint = signal.getsignal(signal.SIGINT)
        return self

    def __exit__(self, *exc):
        sys.stdin, sys.stdout, time.sleep = self.stdin, self.stdout, self.sleep
        signal.signal(signal.SIGINT, self.sigint)


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
        learner_input = sandpit_host.install(host, ["prepared"], "ask").input
        assert learner_input("First? ") == "prepared"
        assert learner_input("Second? ") == "asked"
        assert sys.stdout.text == "First? Second? "
        assert host.prompts == ["Second? "]


def test_input_at_end_of_file_raises_eof_error():
    with Saved():
        learner_input = sandpit_host.install(FakeHost([None]), [], "ask").input
        error = raises(EOFError, learner_input, "x")
        assert str(error) == "EOF when reading a line"
        learner_input = sandpit_host.install(FakeHost(), ["only"], "eof").input
        assert learner_input() == "only"
        raises(EOFError, learner_input)


def test_input_that_cannot_wait_says_so_even_without_a_reason():
    with Saved():
        learner_input = sandpit_host.install(FakeHost(), [], "unavailable").input
        error = raises(sandpit_host.InputUnavailableError, learner_input, "Name? ")
        assert "can't wait for typing" in str(error)


def test_an_interrupt_while_waiting_becomes_keyboard_interrupt():
    with Saved():
        host = FakeHost([False, "never read"])
        learner_input = sandpit_host.install(host, [], "ask").input
        raises(KeyboardInterrupt, learner_input, "Name? ")
        assert host.signals_taken == 1
        # The page heard that the program got it, so its finally blocks get the cleanup grace.
        assert host.interrupts_received == 1


def test_a_program_that_ignores_sigint_never_says_it_received_the_interrupt():
    with Saved():
        host = FakeHost()
        sandpit_host.install(host, [], "eof")
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _thread.interrupt_main()
        for _ in range(1000):  # the eval loop checks for signals meanwhile
            pass
        assert host.interrupts_received == 0


def test_sys_stdin_reads_lines_reads_all_and_iterates():
    with Saved():
        sandpit_host.install(FakeHost(), ["a", "b", "c"], "eof")
        assert sys.stdin.readline() == "a\n"
        assert list(sys.stdin) == ["b\n", "c\n"]
        assert sys.stdin.readline() == ""
        sandpit_host.install(FakeHost(), ["x", "y"], "eof")
        assert sys.stdin.read() == "x\ny\n"
        assert not sys.stdin.isatty()


def test_sleep_waits_through_the_host_in_milliseconds():
    with Saved():
        host = FakeHost(can_wait=True)
        sandpit_host.install(host, [], "eof")
        time.sleep(0.02)
        assert host.slept and 0 < host.slept[0] <= 20
        time.sleep(0)


def test_sleep_checks_its_argument_like_cpython():
    with Saved():
        sandpit_host.install(FakeHost(can_wait=True), [], "eof")
        raises(ValueError, time.sleep, -1)
        raises(TypeError, time.sleep, "1")
        raises(ValueError, time.sleep, float("nan"))


def test_an_interrupted_sleep_raises_keyboard_interrupt():
    with Saved():
        host = FakeHost(sleep_interrupts=True, can_wait=True)
        sandpit_host.install(host, [], "eof")
        raises(KeyboardInterrupt, time.sleep, 10)


def test_a_program_that_ignores_sigint_keeps_sleeping():
    import signal

    with Saved():
        host = FakeHost(sleep_interrupts=True, can_wait=True)
        sandpit_host.install(host, [], "eof")
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # the program's own choice, after install
        try:
            started = time.monotonic()
            time.sleep(0.05)
            assert time.monotonic() - started >= 0.05
            assert len(host.slept) > 1
        finally:
            signal.signal(signal.SIGINT, previous)


class Settled:
    """Stands in for a JavaScript promise the fake run_sync resolves at once."""

    def __init__(self, value):
        self.value = value


def fake_run_sync(awaitable):
    assert isinstance(awaitable, Settled), "an asynchronous host's answer must be waited on"
    return awaitable.value


class FakeAsyncHost(FakeHost):
    """The JSPI host: the same answers, as promises."""

    asynchronous = True
    yield_signal = 64

    def __init__(self, *args, **kwargs):
        super().__init__(*args, can_wait=True, **kwargs)
        self.yields = 0
        self.resumes = 0

    def resumed(self):
        self.resumes += 1

    def read_line(self, prompt):
        return Settled(super().read_line(prompt))

    def sleep(self, milliseconds):
        return Settled(super().sleep(milliseconds))

    def yield_now(self):
        self.yields += 1
        return Settled(None)


def test_an_asynchronous_host_is_waited_on_for_lines_and_sleep():
    with Saved():
        host = FakeAsyncHost(["typed", None])
        host_io = sandpit_host.HostIO(host, [], "ask", run_sync=fake_run_sync)
        assert host_io.read_line("? ") == "typed"
        assert host_io.read_line("? ") is None
        host_io.sleep(0.01)
        assert host.slept


def test_every_asynchronous_wait_says_when_the_program_is_back_on_its_own_stack():
    with Saved():
        host = FakeAsyncHost(["typed", False, None], sleep_interrupts=False)
        host_io = sandpit_host.HostIO(host, [], "ask", run_sync=fake_run_sync)
        host_io.read_line("? ")
        assert host.resumes == 1
        raises(KeyboardInterrupt, host_io.read_line, "? ")  # interrupted: raised on the program's stack
        assert host.resumes == 2
        assert host_io.read_line("? ") is None
        assert host.resumes == 3
        host_io.sleep(0.001)
        assert host.slept and host.resumes == 3 + len(host.slept)

    def broken(awaitable):
        raise RuntimeError("cannot stack switch")

    host = FakeAsyncHost()
    host.take_signal = lambda: 0
    sandpit_host.yield_handler(host, run_sync=broken, can_run_sync=lambda: True)(64, None)
    assert host.resumes == 1  # even a wait that failed ends suspension


def test_an_interrupted_asynchronous_wait_raises_keyboard_interrupt():
    with Saved():
        host = FakeAsyncHost([False], sleep_interrupts=True)
        host_io = sandpit_host.HostIO(host, [], "ask", run_sync=fake_run_sync)
        raises(KeyboardInterrupt, host_io.read_line, "? ")
        raises(KeyboardInterrupt, host_io.sleep, 5)


def test_the_yield_handler_suspends_only_where_it_can_and_never_raises():
    host = FakeAsyncHost()
    host.take_signal = lambda: 0
    handler = sandpit_host.yield_handler(host, run_sync=fake_run_sync, can_run_sync=lambda: True)
    handler(64, None)
    assert host.yields == 1
    sandpit_host.yield_handler(host, run_sync=fake_run_sync, can_run_sync=lambda: False)(64, None)
    assert host.yields == 1

    def broken(awaitable):
        raise RuntimeError("cannot stack switch")

    sandpit_host.yield_handler(host, run_sync=broken, can_run_sync=lambda: True)(64, None)


def test_input_explains_why_it_cannot_wait_in_the_pages_words():
    with Saved():
        sys.stdout = Capture()
        learner_input = sandpit_host.install(FakeHost(), [], "unavailable", "this address is not secure").input
        error = raises(sandpit_host.InputUnavailableError, learner_input, "Name? ")
        assert str(error) == "this address is not secure"


def test_a_stop_that_came_during_a_yield_is_raised_on_the_programs_own_stack():
    host = FakeAsyncHost()  # take_signal answers SIGINT: a Stop arrived while the program was suspended
    handler = sandpit_host.yield_handler(host, run_sync=fake_run_sync, can_run_sync=lambda: True)
    try:
        handler(64, None)
        for _ in range(1000):  # the interrupt lands at the next check of the eval loop
            pass
    except KeyboardInterrupt:
        caught = True
    else:
        caught = False
    assert caught and host.yields == 1
