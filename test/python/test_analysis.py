"""Problems found as the learner types (worker/python/sandpit_analysis.py), without running the code."""

import sandpit_analysis  # noqa: F401 - imported before the first run hardens the interpreter
from sandpit_analysis import problems


def kinds(code):
    return [(p["code"], p["line"], p["message"]) for p in problems(code)]


def test_a_syntax_error_has_cpythons_own_message_and_place():
    found = problems("for i in range(3)\n    print(i)\n")
    assert len(found) == 1
    assert found[0]["message"] == "SyntaxError: expected ':'"
    assert (found[0]["line"], found[0]["column"], found[0]["severity"]) == (1, 18, "error")
    assert problems("print 'hi'\n")[0]["message"].startswith("SyntaxError: Missing parentheses in call to 'print'")
    assert problems("if x = 3:\n    pass\n")[0]["message"].startswith("SyntaxError: invalid syntax. Maybe you meant '=='")
    assert problems("  x = 1\n")[0]["message"] == "IndentationError: unexpected indent"
    assert problems("def f():\n\treturn 1\n        return 2\n")[0]["message"].startswith("TabError")


def test_names_read_but_never_bound_are_name_errors_with_their_place():
    assert kinds("score = 1\nprint(scroe)\n") == [("undefined-name", 2, "NameError: name 'scroe' is not defined")]
    # Bound in many ways: assignment, import, def, class, parameters, comprehensions, global, builtins.
    code = (
        "import math\nfrom os import path as p\ndef f(a, *rest, k=1, **kw):\n    return a, rest, k, kw\n"
        "class C:\n    x = 1\n    def m(self):\n        return C.x\n"
        "def g():\n    global made\n    made = 1\ng()\nprint(made, math.pi, p, [i for i in range(3)], len, f, C)\n"
        "for n in range(2):\n    pass\nprint(n)\nwith open(__file__) as handle:\n    print(handle)\n"
    )
    assert kinds(code) == []
    # A class attribute is not a name in its methods' scope: Python raises NameError there.
    assert kinds("class A:\n    y = 1\n    def m(self):\n        return y\n")[0][2] == "NameError: name 'y' is not defined"
    # A star import could bind anything: no name is reported missing.
    assert kinds("from math import *\nprint(sqrt(2), whatever)\n") == []


def test_unused_imports_and_variables_are_warnings_shown_faded():
    found = problems("import os\nimport math as m\ndef f(x):\n    unused = 2\n    return x\nprint(f(1))\n")
    assert [(p["code"], p["severity"], p["unnecessary"]) for p in found] == [
        ("unused-import", "warning", True), ("unused-import", "warning", True), ("unused-variable", "warning", True)]
    assert found[1]["message"] == "'math as m' is imported but never used"
    assert found[2]["message"] == "'unused' is given a value here but never used"
    assert kinds("import os\n__all__ = ['os']\n") == []


def test_python_warnings_are_warnings_too():
    messages = [p["message"] for p in problems("x = 1\nif x is 1:\n    print('\\d')\n")]
    assert any(m.startswith('SyntaxWarning: "is" with \'int\' literal') for m in messages)
    assert any("invalid escape sequence" in m for m in messages)


def test_nothing_in_the_code_runs_and_a_flood_of_problems_is_capped():
    assert problems("raise SystemExit('ran')\nimport sys\nsys.exit(3)\n") == []
    assert len(problems("\n".join(f"print(name{i})" for i in range(500)))) == sandpit_analysis.MAX_PROBLEMS
