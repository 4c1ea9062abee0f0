import sys

from conftest_support import run


def error_of(code):
    outcome = run(code)
    assert outcome["kind"] == "raised", (code, outcome)
    return outcome["error"]


def test_denied_attributes_are_refused_before_the_program_runs_and_point_at_the_line():
    error = error_of('print("runs?")\nx = ().__class__.__base__.__subclasses__()\n')
    assert error["type"] == "SandboxError"
    assert error["message"] == "'__subclasses__' is not available in the sandbox" or "__base__" in error["message"]
    assert error["line"] == 2
    assert 'File "main.py", line 2' in error["traceback"]


def test_every_classic_gadget_is_refused():
    gadgets = [
        "f = lambda: 0\nf.__globals__",
        "f = lambda: 0\nf.__code__",
        "print.__self__",
        "type.mro(type)",
        "object.__subclasses__()",
        "int.__bases__",
        "class C: pass\nC.__dict__",
        "object.__getattribute__(1, 'x')",
        "(1).__reduce_ex__(2)",
        "import json\njson.__loader__",
        "import json\njson.__spec__",
        "def g():\n    yield 1\ng().gi_frame",
        "try:\n    1/0\nexcept Exception as e:\n    e.__traceback__.tb_frame",
        "import os\nos.sys.modules",
        "from operator import attrgetter",
        "import operator\noperator.methodcaller",
    ]
    for code in gadgets:
        error = error_of(code)
        assert error["type"] == "SandboxError", (code, error)
        assert "is not available in the sandbox" in error["message"], code


def test_unicode_spellings_are_normalised_before_the_check():
    error = error_of("x = ().__ｃｌａｓｓ__.__ｂａｓｅ__\n")
    assert error["message"] == "'__base__' is not available in the sandbox"


def test_computed_names_are_refused_at_run_time():
    cases = [
        "import codecs\ngetattr(print, codecs.decode('__frys__', 'rot13'))",
        "getattr(lambda: 0, '__glo' + 'bals__', None)",
        "setattr(lambda: 0, '__code__', None)",
        "delattr(type, '__subclasses__')",
        "hasattr(object, '__subclasses__')",
    ]
    for code in cases:
        error = error_of(code)
        assert error["type"] == "SandboxError", (code, error)


def test_ordinary_attribute_use_still_works():
    code = (
        "class Point:\n"
        "    def __init__(self, x):\n"
        "        self.x = x\n"
        "    def __repr__(self):\n"
        "        return f'Point({self.x})'\n"
        "p = Point(3)\n"
        "assert getattr(p, 'x') == 3 and hasattr(p, 'x')\n"
        "setattr(p, 'y', 4)\n"
        "assert vars(p) == {'x': 3, 'y': 4}\n"
        "assert type(p).__name__ == 'Point' and p.__class__ is Point\n"
        "assert repr(p) == 'Point(3)'\n"
    )
    assert run(code) == {"kind": "completed"}


def test_vars_of_a_type_leaves_out_the_gadgets():
    assert run("assert '__subclasses__' not in vars(type)\nassert 'mro' not in vars(type)\n") == {"kind": "completed"}


def test_format_strings_that_walk_to_gadgets_are_refused():
    error = error_of("f = lambda: 0\nprint('{0.__globals__}'.format(f))\n")
    assert error["type"] == "SandboxError"
    error = error_of("print('{0[__builtins__]}'.format({}))\n")
    assert error["type"] == "SandboxError"


def test_exec_eval_and_compile_apply_the_same_checks_and_the_learners_builtins():
    assert error_of("exec('().__class__.__bases__')")["type"] == "SandboxError"
    assert error_of("eval('print.__self__')")["type"] == "SandboxError"
    assert error_of("compile('x.__globals__', 'x', 'eval')")["type"] == "SandboxError"
    # Fresh globals must not fall back to the real builtins.
    assert error_of("exec('breakpoint()', {})")["type"] == "NameError"
    assert "not available" in error_of("exec('import js', {})")["message"]
    assert run("exec('y = 2')\nassert y == 2\nassert eval('y + 1') == 3\n") == {"kind": "completed"}


def test_the_learners_sys_has_the_everyday_parts_only():
    assert run(
        "import sys\n"
        "assert sys.version_info >= (3, 14)\n"
        "assert sys.getrecursionlimit() > 0\n"
        "sys.setrecursionlimit(2000)\n"
        "assert 'modules' not in dir(sys)\n"
    ) == {"kind": "completed"}
    assert error_of("import sys\nsys.modules")["type"] == "SandboxError"
    assert error_of("import sys\ngetattr(sys, '_get' + 'frame')")["type"] == "SandboxError"
    assert error_of("import sys\nsys.getallocatedblocks()")["type"] == "AttributeError"


def test_assigning_sys_stdout_reaches_print():
    code = (
        "import sys, io\n"
        "buffer = io.StringIO()\n"
        "sys.stdout = buffer\n"
        "print('captured')\n"
        "sys.stdout = sys.__stdout__\n"
        "assert buffer.getvalue() == 'captured\\n'\n"
    )
    assert run(code) == {"kind": "completed"}


def test_no_importer_reaches_the_host_bridges_once_a_program_has_run():
    run("pass")
    import importlib

    assert not any(name == "js" or name.startswith(("pyodide", "_pyodide")) for name in sys.modules)
    for name in ["js", "pyodide", "pyodide_js", "_pyodide_core", "sandpit_runner"]:
        try:
            importlib.import_module(name)
        except ImportError as error:
            assert "not available in the sandbox" in str(error)
        else:
            raise AssertionError(f"{name} was importable")
    outcome = run("import importlib\nimportlib.import_module('pyodide_js')\n")
    assert "not available in the sandbox" in outcome["error"]["message"]


def test_the_audit_hook_refuses_building_code_walking_gc_and_tracing():
    import gc
    import types

    for action in [
        lambda: gc.get_referrers(sys),
        lambda: gc.get_objects(),
        lambda: sys.settrace(None),
        lambda: types.FunctionType((lambda: 0).__code__, {}),
    ]:
        try:
            action()
        except RuntimeError as error:
            assert "is not available in the sandbox" in str(error)
        else:
            raise AssertionError("an audited action was allowed")


def test_the_audit_hook_bypass_from_the_seed_has_nothing_to_edit():
    code = (
        "import sys\n"
        "def r(a, b):\n"
        "    try:\n"
        "        raise Exception()\n"
        "    except Exception:\n"
        "        del sys.exc_info()[2].tb_frame.f_back.f_globals['WRITE_LOCK']\n"
    )
    assert error_of(code)["type"] == "SandboxError"


def test_modules_the_program_writes_run_under_the_same_policy():
    code = (
        "with open('helper.py', 'w') as f:\n"
        "    f.write('def leak():\\n    return leak.__globals__\\n')\n"
        "import helper\n"
    )
    error = error_of(code)
    assert error["type"] == "SandboxError"
    code = (
        "with open('helper2.py', 'w') as f:\n"
        "    f.write('breakpoint()\\n')\n"
        "import helper2\n"
    )
    assert error_of(code)["type"] == "NameError"
    code = (
        "with open('helper3.py', 'w') as f:\n"
        "    f.write('import js\\n')\n"
        "import helper3\n"
    )
    assert "not available in the sandbox" in error_of(code)["message"]
    code = (
        "with open('helper4.py', 'w') as f:\n"
        "    f.write('def double(x):\\n    return 2 * x\\n')\n"
        "import helper4\n"
        "assert helper4.double(21) == 42\n"
    )
    assert run(code) == {"kind": "completed"}


def test_standard_library_modules_that_rely_on_introspection_still_work():
    code = (
        "from dataclasses import dataclass, field\n"
        "from collections import namedtuple\n"
        "import logging, json, copy, functools, typing, enum\n"
        "@dataclass\n"
        "class P:\n"
        "    x: int\n"
        "    tags: list = field(default_factory=list)\n"
        "Q = namedtuple('Q', 'a b')\n"
        "class Color(enum.Enum):\n"
        "    RED = 1\n"
        "assert copy.deepcopy(P(1, [2])) == P(1, [2])\n"
        "assert Q(1, 2).a == 1 and Color.RED.name == 'RED'\n"
        "assert functools.reduce(lambda a, b: a + b, [1, 2, 3]) == 6\n"
        "logging.getLogger('x').info('fine')\n"
    )
    assert run(code) == {"kind": "completed"}
