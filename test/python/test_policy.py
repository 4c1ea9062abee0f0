from conftest_support import LEARNER_POLICY_SPEC, policy_spec, raises, run
from sandpit_policy import ModuleNotAvailable, Policy, build_builtins, module_matches


def test_module_matches_the_module_its_submodules_and_prefixes():
    assert module_matches("pyodide", "pyodide")
    assert module_matches("pyodide.ffi", "pyodide")
    assert not module_matches("pyodide_js", "pyodide")
    assert module_matches("_pyodide_core", "_pyodide*")
    assert module_matches("_pyodide._base", "_pyodide*")
    assert not module_matches("pyodide", "_pyodide*")


def test_learner_policy_refuses_every_host_bridge_with_a_clear_message():
    policy = Policy(LEARNER_POLICY_SPEC)
    for name in ["js", "pyodide", "pyodide.ffi", "pyodide.code", "pyodide_js", "_pyodide_core",
                 "_pyodide._base", "micropip", "ctypes", "_ctypes", "_testcapi", "sandpit_runner"]:
        error = raises(ModuleNotAvailable, policy.check_import, name)
        assert "not available in the sandbox" in str(error), str(error)
        assert error.name == name


def test_learner_policy_allows_the_standard_library():
    policy = Policy(LEARNER_POLICY_SPEC)
    for name in ["math", "random", "os", "json", "collections.abc", "asyncio", "re", "itertools"]:
        policy.check_import(name)


def test_refusal_is_an_import_error_so_learners_can_catch_it():
    outcome = run("try:\n    import js\nexcept ImportError as e:\n    print('caught', e)\n")
    assert outcome == {"kind": "completed"}


def test_import_statement_of_a_bridge_is_refused_in_a_program():
    outcome = run("import js\n")
    assert outcome["kind"] == "raised"
    error = outcome["error"]
    assert error["type"] == "ModuleNotAvailable"
    assert error["message"] == "module 'js' is not available in the sandbox"
    assert error["line"] == 1


def test_from_import_of_a_bridge_submodule_is_refused():
    for code in ["from pyodide import ffi\n", "from pyodide.ffi import to_js\n", "import pyodide.code\n",
                 "__import__('js')\n"]:
        outcome = run(code)
        assert outcome["kind"] == "raised", code
        assert "not available in the sandbox" in outcome["error"]["message"], code


def test_an_allow_list_admits_only_its_modules_and_says_which():
    spec = policy_spec(allow=["math", "random"], deny=LEARNER_POLICY_SPEC["modules"]["deny"])
    assert run("import math, random\nprint(math.pi, random.random() < 1)\n", spec) == {"kind": "completed"}
    outcome = run("import os\n", spec)
    assert outcome["error"]["message"] == (
        "module 'os' is not available in the sandbox (this program may import: math, random)"
    )


def test_allowed_modules_may_still_use_denied_ones_internally():
    # random imports os and hashlib itself; only the learner's own imports are checked.
    spec = policy_spec(allow=["random"])
    assert run("import random\nrandom.seed(1)\n", spec) == {"kind": "completed"}


def test_deny_wins_over_allow():
    spec = policy_spec(allow=["json"], deny=["json.decoder"])
    assert run("import json\n", spec) == {"kind": "completed"}
    assert run("import json.decoder\n", spec)["kind"] == "raised"


def test_builtins_are_an_allowlist():
    policy = Policy(policy_spec(builtins=["print", "len"]))
    names = set(build_builtins(policy))
    assert names == {"print", "len", "__import__"}


def test_learner_builtins_leave_out_breakpoint_and_pyodide_helpers():
    names = set(build_builtins(Policy(LEARNER_POLICY_SPEC)))
    assert "breakpoint" not in names
    assert "___EvalCodeResultException" not in names
    assert {"print", "input", "open", "exit", "quit", "__build_class__"} <= names


def test_a_builtin_outside_the_allowlist_is_a_name_error():
    outcome = run("breakpoint()\n")
    assert outcome["error"]["type"] == "NameError"


def test_import_guard_is_used_even_when_the_policy_lists_import():
    policy = Policy(policy_spec(deny=["js"], builtins=["__import__", "print"]))
    guard = build_builtins(policy)["__import__"]
    assert guard is not __import__
    raises(ModuleNotAvailable, guard, "js")


def test_a_relative_import_is_checked_under_the_name_it_resolves_to():
    outcome = run('__package__ = "importlib"\nfrom . import util\nprint("SANDBOX-ESCAPED")\n')
    assert outcome["kind"] == "raised", outcome
    assert "importlib" in outcome["error"]["message"]
