import sandpit_traceback
from conftest_support import run


def test_traceback_shows_only_the_learners_frames():
    outcome = run("import json\n\njson.loads('not json')\n")
    tb = outcome["error"]["traceback"]
    assert 'File "main.py", line 3, in <module>' in tb
    assert "/lib/" not in tb
    assert "sandpit" not in tb
    assert "_pyodide" not in tb
    assert tb.rstrip().endswith("json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)")
    assert outcome["error"]["line"] == 3


def test_line_numbers_match_the_editor_and_point_at_the_innermost_learner_frame():
    code = "def f(x):\n    return 10 / x\n\n\nprint(f(0))\n"
    error = run(code)["error"]
    assert error["type"] == "ZeroDivisionError"
    assert error["line"] == 2
    assert 'File "main.py", line 5, in <module>' in error["traceback"]
    assert 'File "main.py", line 2, in f' in error["traceback"]
    assert "return 10 / x" in error["traceback"]


def test_columns_of_the_failing_expression_are_reported_in_characters():
    error = run("émoji = 'ü'\nprint(émoji, 1 / 0)\n")["error"]
    assert error["line"] == 2
    # "print(émoji, 1 / 0)": the failing `1 / 0` spans characters 14..19 (1-based, end exclusive).
    assert (error["column"], error["endColumn"]) == (14, 19)


def test_syntax_errors_point_at_their_line_and_column():
    error = run("x = 1\nprint('unclosed'\ny = 2\n")["error"]
    assert error["type"] == "SyntaxError"
    assert error["line"] == 2
    assert 'File "main.py", line 2' in error["traceback"]
    assert "Traceback" not in error["traceback"]


def test_indentation_errors_are_syntax_errors_with_a_line():
    error = run("if True:\nprint('x')\n")["error"]
    assert error["type"] == "IndentationError"
    assert error["line"] == 2


def test_chained_exceptions_are_trimmed_too():
    code = "import json\ntry:\n    json.loads('{')\nexcept ValueError as e:\n    raise RuntimeError('bad config') from e\n"
    tb = run(code)["error"]["traceback"]
    assert "The above exception was the direct cause" in tb
    assert "/lib/" not in tb
    assert tb.count('File "main.py"') == 2


def test_an_exception_whose_str_raises_is_still_reported():
    code = "class Weird(Exception):\n    def __str__(self):\n        raise ValueError('no')\nraise Weird()\n"
    error = run(code)["error"]
    assert error["type"] == "Weird"
    assert error["line"] == 4


def test_errors_in_exec_strings_keep_their_frames():
    error = run("exec('x = 1\\ny = x / 0')\n")["error"]
    assert 'File "<string>", line 2' in error["traceback"]
    assert error["line"] == 1


def test_huge_messages_are_cut():
    error = run("raise ValueError('x' * 100000)\n")["error"]
    assert len(error["message"]) <= 8 * 1024 + 1


def test_a_recursion_error_under_a_raised_limit_ends_with_a_short_traceback_quickly():
    import time

    code = "import sys\nsys.setrecursionlimit(5_000)\ndef down(n):\n    return down(n + 1)\ndown(0)\n"
    started = time.monotonic()
    error = run(code)["error"]
    assert time.monotonic() - started < 2
    assert error["type"] == "RecursionError"
    assert error["line"] == 4
    tb = error["traceback"]
    assert tb.count("\n") < 20
    assert 'File "main.py", line 5, in <module>' in tb
    assert "frames in the middle of this traceback are not shown" in tb
    assert tb.rstrip().splitlines()[-1].startswith("RecursionError: maximum recursion depth exceeded")


def test_shorten_traceback_keeps_the_outer_and_inner_entries():
    def down(n):
        if n == 0:
            raise ValueError("bottom")
        return down(n - 1)

    try:
        down(50)
    except ValueError as exc:
        caught = exc
    left_out = sandpit_traceback.shorten_traceback(caught.__traceback__, outer=2, inner=5)
    entries = 0
    node = caught.__traceback__
    while node is not None:
        entries += 1
        node = node.tb_next
    assert entries == 7
    assert left_out == 52 - 7
