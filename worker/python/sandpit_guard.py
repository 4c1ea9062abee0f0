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
from sandpit_gates import is_learner_code, record_learner_code

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


# What the check reads of a syntax tree is taken now, before any program runs: the node classes and their
# fields, and the getter of an instance's own dict. A program may later patch `ast` (replace `walk`, give
# `ast.Attribute` a lying `attr` property): the check never asks those for anything.
_NODE_FIELDS = {
    cls: tuple(cls._fields) + tuple(getattr(cls, "_attributes", ()))
    for cls in vars(ast).values()
    if isinstance(cls, type) and issubclass(cls, ast.AST)
}
_instance_dict = ast.AST.__dict__["__dict__"].__get__
_real_compile = compile
_ONLY_AST = ast.PyCF_ONLY_AST
_AST, _ATTRIBUTE, _ALIAS, _CONSTANT = ast.AST, ast.Attribute, ast.alias, ast.Constant


class UnsupportedTree(TypeError):
    """A syntax tree with nodes of other classes than the ast module's own."""


def _fields_of(node):
    fields = _NODE_FIELDS.get(type(node))
    if fields is None:
        raise UnsupportedTree(f"syntax trees built from '{type(node).__name__}' nodes are not available in the sandbox")
    return fields, _instance_dict(node)


def _walk(tree):
    """Every node of `tree`, read through the instance dicts (see above), breadth first like ast.walk (so
    the first denied name reported is the one nearest the top of the program)."""
    pending = [tree]
    index = 0
    while index < len(pending):
        node = pending[index]
        index += 1
        fields, values = _fields_of(node)
        yield node, values
        for name in fields:
            value = values.get(name)
            if type(value) is list:
                pending.extend(item for item in value if isinstance(item, _AST))
            elif isinstance(value, _AST):
                pending.append(value)


def _violation(name, values, filename, source_lines):
    error = SandboxError(refusal(name))
    error.filename = filename
    lineno, end_lineno = values.get("lineno"), values.get("end_lineno")
    error.lineno = lineno if type(lineno) is int else None
    error.end_lineno = end_lineno if type(end_lineno) is int else None
    col, end_col = values.get("col_offset"), values.get("end_col_offset")
    error.offset = (col if type(col) is int else 0) + 1
    error.end_offset = (end_col if type(end_col) is int else 0) + 1
    if "attr" in values and error.end_lineno == error.lineno:
        # Point at the attribute's name, not the whole expression before it.
        error.offset = error.end_offset - len(name)
    if error.lineno and 0 < error.lineno <= len(source_lines):
        error.text = source_lines[error.lineno - 1]
    return error


def _identifier(value):
    """A name as the compiler will read it: only a plain str is one (a subclass could answer differently)."""
    if type(value) is not str:
        raise UnsupportedTree("syntax trees with names that are not plain strings are not available in the sandbox")
    return value


def check_tree(tree, filename="<string>", source=""):
    """Raises SandboxError at the first denied name in `tree` (identifiers are already NFKC-normalised),
    UnsupportedTree for nodes of other classes or names that are not plain strings."""
    lines = source.splitlines() if isinstance(source, str) else []
    for node, values in _walk(tree):
        kind = type(node)
        if kind is _ATTRIBUTE and _identifier(values.get("attr")) in DENIED_ATTRIBUTES:
            raise _violation(values["attr"], values, filename, lines)
        if kind is _ALIAS and _identifier(values.get("name")) in DENIED_ATTRIBUTES:
            raise _violation(values["name"], values, filename, lines)
        if kind is _CONSTANT and type(values.get("value")) is str:
            # "{0.__globals__}".format(f) walks attributes inside str.format.
            match = _FORMAT_FIELD.search(values["value"])
            if match:
                raise _violation(match.group(1), values, filename, lines)


# Names that code compiled by the standard library from a program's text (typing's forward references,
# evaluated with empty globals) would look up in the *real* builtins: importing what the policy withholds.
_FOREIGN_DENIED_NAMES = frozenset({"__import__", "breakpoint"})
_NAME = ast.Name

# The source compile_learner_code is compiling right now, as the audit event shows it (UTF-8 bytes): the
# audit hook's own check of it is redundant.
_learner_source = [None]


def check_source(source, filename="<string>"):
    """Checks source that something other than compile_learner_code compiles after the program started
    (the audit hook calls this): parsed, checked like the learner's, and refused the names in
    _FOREIGN_DENIED_NAMES. SyntaxError as the compiler would raise it."""
    if _learner_source[0] is not None and source == _learner_source[0]:
        return
    tree = _real_compile(source, filename, "exec", _ONLY_AST, dont_inherit=True)
    text = source.decode("utf-8", "replace") if isinstance(source, (bytes, bytearray)) else str(source)
    check_tree(tree, filename, text)
    lines = text.splitlines()
    for node, values in _walk(tree):
        if type(node) is _NAME and values.get("id") in _FOREIGN_DENIED_NAMES:
            raise _violation(values["id"], values, filename, lines)


def compile_learner_code(source, filename, mode="exec", flags=0, optimize=-1, feature_version=None):
    """The one way the learner's code becomes a code object: parsed and checked, then compiled again from
    the same text (never from Python syntax-tree objects, whose classes a program can patch to tell the
    check one name and the compiler another), its exception table mended, and recorded as the learner's
    own (sandpit_gates). Syntax trees are not compiled: `compile(tree, ...)` is refused."""
    if isinstance(source, _AST):
        raise UnsupportedTree("compiling a syntax tree is not available in the sandbox; compile the source text")
    # Plain str or bytes, read once: a subclass could run code of its own while we compile.
    source = str.__str__(source) if isinstance(source, str) else bytes(source)
    kwargs = {} if feature_version is None else {"_feature_version": feature_version}
    try:
        _learner_source[0] = source.encode("utf-8") if isinstance(source, str) else source
    except UnicodeError:
        _learner_source[0] = None
    try:
        tree = _real_compile(source, filename, mode, flags | _ONLY_AST, True, optimize, **kwargs)
        if flags & _ONLY_AST:
            return tree
        text = source.decode("utf-8", "replace") if isinstance(source, bytes) else source
        check_tree(tree, filename, text)
        code = _real_compile(source, filename, mode, flags, True, optimize, **kwargs)
    finally:
        _learner_source[0] = None
    return record_learner_code(mend(code))


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
        if filename.startswith(("/lib/", "/sandpit/", "<frozen")):
            # Those names mark the standard library's and Pyodide's own code: a program may not borrow them.
            filename = "<string>"
        if not isinstance(source, (str, bytes, bytearray, _AST)):
            raise TypeError("compile() arg 1 must be a string, bytes or AST object")
        version = None if _feature_version < 0 else _feature_version
        return compile_learner_code(source, filename, mode, flags, optimize, version)

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
            if not is_learner_code(source):
                # dis.Bytecode(text).codeobj and the like were compiled without the check.
                raise TypeError("code objects made outside this program are not available in the sandbox")
            return source
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
