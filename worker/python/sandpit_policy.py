"""The Python-side policy: which builtins a learner's program sees and which modules it may import.

This is the teaching and first-line layer. It turns casual misuse ("import js", "open the host bridge")
into a clear error. It is NOT the security boundary: CPython has many roads around any in-process policy
(see SECURITY.md). The walls that hold are the browser's: the locked-down worker, the CSP, and the main
thread that trusts nothing the worker says.

A policy is plain data, the JSON form of `SandboxPolicy` in src/wire/protocol.ts:

    {"name": "learner",
     "modules": {"allow": "*" | ["math", ...], "deny": ["gc", "inspect", ...]},
     "builtins": ["print", "len", ...]}

Whatever a policy says, the host bridges (HOST_BRIDGES) are refused to every importer, and the name guard
of sandpit_guard applies.
"""

import builtins as _builtins_module

from sandpit_guard import make_attribute_builtins, make_code_builtins
from sandpit_module_views import view_of

# Modules that lead from Python to the JavaScript host or to raw memory, CPython's test modules (they poke
# at interpreter internals), and Sandpit's own bootstrap. Refused to every importer once a program runs.
HOST_BRIDGES = (
    "js", "pyodide", "pyodide_js", "_pyodide*", "pyodide_http", "micropip", "ctypes", "_ctypes",
    "_testcapi", "_testinternalcapi", "_testlimitedcapi", "_testbuffer", "_testclinic",
    "_testclinic_limited", "_xxtestfuzz", "_remote_debugging", "sandpit_*",
)

# Builtins that are never handed out under their real implementation, whatever the policy lists.
_ALWAYS_REPLACED = frozenset({"__import__"})


class ModuleNotAvailable(ModuleNotFoundError):
    """Raised for a module the policy refuses. A ModuleNotFoundError, so `except ImportError` still works."""


ModuleNotAvailable.__module__ = "builtins"  # shown as "ModuleNotAvailable: ...", like a built-in error


def module_matches(name, pattern):
    """True when `pattern` names module `name`: the module itself, a parent package, or a `prefix*`."""
    if pattern.endswith("*"):
        return name.startswith(pattern[:-1])
    return name == pattern or name.startswith(pattern + ".")


class Policy:
    """A parsed policy. Immutable once built; `check_import` raises ModuleNotAvailable when refused."""

    def __init__(self, spec):
        modules = spec["modules"]
        allow = modules["allow"]
        self.name = str(spec.get("name", "custom"))
        self.allow_all = allow == "*"
        self.allowed = () if self.allow_all else tuple(str(m) for m in allow)
        self.denied = tuple(str(m) for m in modules["deny"]) + HOST_BRIDGES
        self.builtin_names = tuple(str(b) for b in spec["builtins"])

    def is_module_allowed(self, name):
        if any(module_matches(name, pattern) for pattern in self.denied):
            return False
        return self.allow_all or any(module_matches(name, pattern) for pattern in self.allowed)

    def refusal_message(self, name):
        if any(module_matches(name, pattern) for pattern in self.denied) or self.allow_all:
            return f"module '{name}' is not available in the sandbox"
        allowed = ", ".join(self.allowed) if self.allowed else "no modules"
        return f"module '{name}' is not available in the sandbox (this program may import: {allowed})"

    def check_import(self, name):
        if not self.is_module_allowed(name):
            raise ModuleNotAvailable(self.refusal_message(name), name=name)


def _resolve_relative(name, globals, level):
    """The absolute name a relative import means, as CPython works it out (importlib._bootstrap)."""
    namespace = globals if isinstance(globals, dict) else {}
    package = namespace.get("__package__")
    if not isinstance(package, str) or not package:
        module_name = str(namespace.get("__name__", ""))
        package = module_name if "__path__" in namespace else module_name.rpartition(".")[0]
    parts = package.rsplit(".", level - 1)
    base = parts[0] if len(parts) >= level else ""
    return f"{base}.{name}" if name and base else (name or base)


def make_import_guard(policy, real_import=_builtins_module.__import__, substitutes=None):
    """An `__import__` that checks absolute imports made by the learner's code against the policy.

    Only the learner's code calls it: modules loaded from the standard library keep the real builtins,
    so `random` may import `os` internally even where the learner may not. `substitutes` maps module names
    to the objects the learner gets instead (their own `sys`). Modules come back as views
    (sandpit_module_views), which never hand out a module the policy withholds.
    """
    substitutes = dict(substitutes or {})
    learner_sys = substitutes.get("sys")

    def guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
        # A relative import is checked under the name it resolves to: `__package__ = "importlib"` followed
        # by `from . import util` is `importlib.util`.
        absolute = name if level == 0 else _resolve_relative(name, globals, level)
        policy.check_import(absolute)
        # `from package import submodule` imports the submodule too: check each one.
        for item in fromlist or ():
            if isinstance(item, str) and item != "*":
                child = f"{absolute}.{item}" if absolute else item
                if any(module_matches(child, pattern) for pattern in policy.denied):
                    policy.check_import(child)
        if level == 0 and name in substitutes:
            return substitutes[name]
        return view_of(real_import(name, globals, locals, fromlist, level), policy, learner_sys)

    guarded_import.__name__ = "__import__"
    guarded_import.__qualname__ = "__import__"
    return guarded_import


def build_builtins(policy, overrides=None, substitutes=None):
    """The builtins dict for one run: the allowlisted names, the import guard, the name guard's versions
    of getattr & co. and of compile/exec/eval, and any overrides the runner provides (`exit`, `input`).
    Replacements are only installed for names the policy allows.
    """
    result = {}
    replacements = {**make_attribute_builtins(), **make_code_builtins(result), **(overrides or {})}
    for name in policy.builtin_names:
        if name in _ALWAYS_REPLACED:
            continue
        if name in replacements:
            result[name] = replacements[name]
        elif hasattr(_builtins_module, name):
            result[name] = getattr(_builtins_module, name)
    result["__import__"] = make_import_guard(policy, substitutes=substitutes)
    return result
