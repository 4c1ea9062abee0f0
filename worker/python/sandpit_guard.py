"""Name guards: the attributes and names that lead from ordinary objects to the interpreter's internals.

CPython's classic sandbox escapes walk from any object to the real builtins, the importer or other
modules' globals through a handful of attributes (`__subclasses__`, `__globals__`, `__code__`, frames...).
Learners' programs never need them, so the guard refuses them:

- statically: the program's syntax tree is checked before it runs (and so is every string given to
  `exec`, `eval` or `compile`, and every module the program writes and imports), so the refusal names the
  line;
- dynamically: `getattr`, `setattr`, `delattr`, `hasattr` and `vars` refuse the same names when they are
  computed at run time (`getattr(f, "__glo" + "bals__")`, rot13...).

This is part of the teaching layer: it turns the well-known escapes into a clear error. It does not make
CPython safe (see SECURITY.md); the browser's walls do not depend on it.
"""

import ast
import re
import sys

from sandpit_exception_table import mend

# Attributes that reach interpreter internals: the class hierarchy, function globals and code, frames
# (through tracebacks, generators and coroutines), the import system, and the tools that read them
# indirectly. `__class__`, `__name__`, `__doc__`, `__init__` and the other everyday dunders stay allowed.
DENIED_ATTRIBUTES = frozenset({
    # class-hierarchy walking
    "__subclasses__", "__base__", "__bases__", "__mro__", "mro",
    # functions and methods
    "__globals__", "__code__", "__closure__", "__builtins__", "__self__", "__func__",
    "__defaults__", "__kwdefaults__",
    # generic attribute machinery that bypasses these checks
    "__dict__", "__getattribute__", "__reduce__", "__reduce_ex__",
    # module and import internals
    "__loader__", "__spec__", "modules", "meta_path", "path_hooks", "path_importer_cache",
    # frames, from tracebacks, generators, coroutines and sys
    "tb_frame", "gi_frame", "gi_code", "cr_frame", "cr_code", "ag_frame", "ag_code",
    "f_globals", "f_locals", "f_back", "f_builtins", "f_code", "f_trace",
    "_getframe", "_getframemodulename", "_current_frames", "_current_exceptions",
    # tracing and hooks
    "settrace", "setprofile", "addaudithook",
    # indirect attribute access
    "attrgetter", "methodcaller", "getattr_static",
    # string.Formatter resolves "{0.attr}" fields with the real getattr and hands back the object
    "get_field",
})

_FORMAT_FIELD = re.compile(r"\{[^{}]*?[.\[]\s*(" + "|".join(sorted(re.escape(a) for a in DENIED_ATTRIBUTES)) + r")\b")


class SandboxError(SyntaxError):
    """A program used a name the sandbox withholds. A SyntaxError, so it points at the line."""


# Learners see "SandboxError: ...", not the bootstrap's module name.
SandboxError.__module__ = "builtins"


def refusal(name):
    return f"'{name}' is not available in the sandbox"


def _violation(name, node, filename, source_lines):
    error = SandboxError(refusal(name))
    error.filename = filename
    error.lineno = getattr(node, "lineno", None)
    error.end_lineno = getattr(node, "end_lineno", None)
    error.offset = (getattr(node, "col_offset", -1) or 0) + 1
    error.end_offset = (getattr(node, "end_col_offset", -1) or 0) + 1
    if isinstance(node, ast.Attribute) and error.end_lineno == error.lineno:
        # Point at the attribute's name, not the whole expression before it.
        error.offset = error.end_offset - len(name)
    if error.lineno and 0 < error.lineno <= len(source_lines):
        error.text = source_lines[error.lineno - 1]
    return error


def check_tree(tree, filename="<string>", source=""):
    """Raises SandboxError at the first denied name in `tree` (identifiers are already NFKC-normalised)."""
    lines = source.splitlines() if isinstance(source, str) else []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in DENIED_ATTRIBUTES:
            raise _violation(node.attr, node, filename, lines)
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.name in DENIED_ATTRIBUTES:
                    raise _violation(alias.name, node, filename, lines)
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            # "{0.__globals__}".format(f) walks attributes inside str.format.
            match = _FORMAT_FIELD.search(node.value)
            if match:
                raise _violation(match.group(1), node, filename, lines)


def _check_name(name):
    if isinstance(name, str) and name in DENIED_ATTRIBUTES:
        raise SandboxError(refusal(name))


def make_attribute_builtins(real=None):
    """getattr, setattr, delattr, hasattr and vars that refuse the denied names."""
    import builtins as real_builtins

    real = real or real_builtins
    real_getattr, real_setattr, real_delattr, real_hasattr, real_vars = (
        real.getattr, real.setattr, real.delattr, real.hasattr, real.vars)
    _missing = object()

    def getattr(obj, name, default=_missing, /):
        _check_name(name)
        if default is _missing:
            return real_getattr(obj, name)
        return real_getattr(obj, name, default)

    def setattr(obj, name, value, /):
        _check_name(name)
        return real_setattr(obj, name, value)

    def delattr(obj, name, /):
        _check_name(name)
        return real_delattr(obj, name)

    def hasattr(obj, name, /):
        _check_name(name)
        return real_hasattr(obj, name)

    def vars(*args):
        if not args:
            return sys._getframe(1).f_locals
        namespace = real_vars(*args)
        if any(name in DENIED_ATTRIBUTES for name in namespace):
            # A type's or a module's namespace holds the denied descriptors themselves: hand out a copy
            # without them.
            return {key: value for key, value in namespace.items() if key not in DENIED_ATTRIBUTES}
        return namespace

    return {"getattr": getattr, "setattr": setattr, "delattr": delattr, "hasattr": hasattr, "vars": vars}


def make_code_builtins(learner_builtins, real=None):
    """compile, exec and eval that check source code like the program itself, and never fall back to
    this module's own namespace or builtins (the real ones): code they run gets `learner_builtins`."""
    import builtins as real_builtins
    import os
    import types

    real = real or real_builtins
    real_compile, real_exec, real_eval = real.compile, real.exec, real.eval

    def compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *, _feature_version=-1):
        if not isinstance(filename, str):
            filename = os.fsdecode(filename)  # bytes or a path-like object: the name the code will carry
        filename = str.__str__(filename)  # a plain str, read once: no overridden startswith or __fspath__
        if filename.startswith(("/lib/", "/sandpit/")):
            # Those names mark the standard library's and Pyodide's own code, which the import blocker
            # trusts: a program may not borrow them.
            filename = "<string>"
        if isinstance(source, ast.AST):
            tree = source
            text = ""
        else:
            text = source.decode("utf-8", "replace") if isinstance(source, (bytes, bytearray)) else str(source)
            tree = ast.parse(text, filename, mode, feature_version=None if _feature_version < 0 else _feature_version)
        check_tree(tree, str(filename), text)
        if flags & ast.PyCF_ONLY_AST:
            return tree
        return mend(real_compile(tree, filename, mode, flags, dont_inherit, optimize))

    def _namespaces(globals, locals):
        if globals is None:
            caller = sys._getframe(2)
            globals = caller.f_globals
            if locals is None:
                locals = caller.f_locals
        elif locals is None:
            locals = globals
        if isinstance(globals, dict) and (type(globals) is not dict or any(type(key) is not str for key in globals)):
            # A dict subclass, or a key with its own __eq__, could say "present" here and "absent" to CPython.
            raise TypeError("globals other than a plain dict with str keys are not available in the sandbox")
        if isinstance(globals, dict) and "__builtins__" not in globals:
            # Without this, CPython would give the code the builtins of *this* frame: the real ones.
            globals["__builtins__"] = learner_builtins
        return globals, locals

    def _code(source, mode):
        if isinstance(source, types.CodeType):
            return source  # only reachable through compile() above: code attributes are withheld
        return compile(source, "<string>", mode)

    def exec(source, globals=None, locals=None, /, *, closure=None):
        globals, locals = _namespaces(globals, locals)
        code = _code(source, "exec")
        if closure is not None:
            return real_exec(code, globals, locals, closure=closure)
        return real_exec(code, globals, locals)

    def eval(source, globals=None, locals=None, /):
        globals, locals = _namespaces(globals, locals)
        return real_eval(_code(source, "eval"), globals, locals)

    return {"compile": compile, "exec": exec, "eval": eval}
