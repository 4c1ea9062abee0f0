import sys

from conftest_support import run


def test_a_program_that_finishes_is_completed():
    assert run("x = 1 + 1\n") == {"kind": "completed"}


def test_each_run_gets_fresh_globals():
    run("leftover = 42\n")
    outcome = run("print(leftover)\n")
    assert outcome["error"]["type"] == "NameError"


def test_the_program_is_main():
    assert run("assert __name__ == '__main__'\n") == {"kind": "completed"}


def test_exit_codes():
    assert run("import sys\nsys.exit()\n") == {"kind": "completed"}
    assert run("import sys\nsys.exit(0)\n") == {"kind": "completed"}
    assert run("import sys\nsys.exit(3)\n") == {"kind": "exited", "exitCode": 3}
    assert run("exit(2)\n") == {"kind": "exited", "exitCode": 2}
    assert run("quit()\n") == {"kind": "completed"}
    assert run("raise SystemExit(5)\n") == {"kind": "exited", "exitCode": 5}


def test_exit_with_a_message_prints_it_and_means_1():
    captured = []
    real_stderr = sys.stderr

    class Capture:
        def write(self, text):
            captured.append(text)

        def flush(self):
            pass

    sys.stderr = Capture()
    try:
        outcome = run("import sys\nsys.exit('goodbye')\n")
    finally:
        sys.stderr = real_stderr
    assert outcome == {"kind": "exited", "exitCode": 1}
    assert "goodbye" in "".join(captured)


def test_keyboard_interrupt_is_reported_as_raised():
    outcome = run("raise KeyboardInterrupt\n")
    assert outcome["kind"] == "raised"
    assert outcome["error"]["type"] == "KeyboardInterrupt"


def test_base_exception_subclasses_do_not_escape_the_runner():
    outcome = run("class Escape(BaseException):\n    pass\nraise Escape('out')\n")
    assert outcome["error"]["type"] == "Escape"


def test_a_huge_exception_message_is_cut_short_in_the_message_and_the_traceback():
    outcome = run('raise ValueError("m" * 2_000_000)\n')
    assert outcome["kind"] == "raised"
    error = outcome["error"]
    assert error["type"] == "ValueError"
    assert len(error["message"]) < 9 * 1024
    assert len(error["traceback"]) < 33 * 1024
    assert "ValueError: mmm" in error["traceback"]
    assert error["traceback"].endswith("more characters not shown)\n")
