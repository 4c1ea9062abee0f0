"""Helpers shared by the bootstrap's Python tests (they run inside real Pyodide, under Node, via Vitest)."""

import json

# Imported now, before the first run hardens the interpreter (after which the bootstrap is unimportable).
from sandpit_runner import run_program

with open("/tests/learner_policy.json") as _file:
    LEARNER_POLICY_SPEC = json.load(_file)


def policy_spec(allow="*", deny=(), builtins=None):
    return {
        "name": "test",
        "modules": {"allow": allow if allow == "*" else list(allow), "deny": list(deny)},
        "builtins": list(builtins if builtins is not None else LEARNER_POLICY_SPEC["builtins"]),
    }


def run(code, spec=None, filename="main.py", stdin=None, host=None):
    """Runs `code` through the real runner, with a request shaped like the worker's, and returns the RunOutcome."""
    request = {"runId": 1, "code": code, "filename": filename, "policy": spec or LEARNER_POLICY_SPEC}
    if stdin is not None:
        request["stdin"] = stdin
    return run_program(request, host)


def raises(exc_type, fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except exc_type as exc:
        return exc
    raise AssertionError(f"{getattr(fn, '__name__', fn)} did not raise {exc_type.__name__}")
