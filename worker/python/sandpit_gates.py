"""The attribute gate: one check that every way of reading an interpreter internal goes through.

The name checks of sandpit_guard see `f.__globals__` written in the program and `getattr(f, name)`; they
can't see the standard library reading attributes for the program (`operator.attrgetter`,
`string.Formatter`, `inspect.getmembers`, `copy`, `functools`...), which call the real `getattr`. So the
attributes that lead from an object to the interpreter's insides are replaced, on the built-in types
themselves, by gated descriptors: whatever syntax or helper reads them, CPython's attribute lookup finds
the gate. A gate decides by what is read, never by who reads it (a helper reads on anyone's behalf):

- a function's `__globals__`, `__builtins__` and `__closure__` only for functions compiled from the
  learner's checked source (their namespace is the learner's own); its `__defaults__` and `__kwdefaults__`
  for those, and for the standard library's when they hold no module, builtins or JavaScript object
  (`inspect.signature` reads them), never for Sandpit's own functions; writing `__code__` only for the
  learner's functions, so no other function can be given new code (it would run with that function's
  globals), and `__defaults__` or `__kwdefaults__` for any but Sandpit's (namedtuple sets them);
- a frame's `f_globals`, `f_locals` and `f_builtins` are its namespace only for frames running the
  learner's own code; tracebacks, generators and `f_back` still lead to frames of the standard library,
  of Pyodide and of Sandpit, but those show an empty namespace (a new empty dict: the traceback module,
  which hands every frame's globals to linecache, then prints such frames without their source line,
  and warnings from them keep no registry). Writing `f_trace` only for the learner's frames;
- a built-in function's `__self__` never when it is a module (`print.__self__` is the real `builtins`) or
  a JavaScript object.

"The learner's code" and "Sandpit's code" are known by identity: every code object the checked compile
produces is recorded here (record_learner_code), and so is every code object of the bootstrap's modules
when the gates go up. Neither a file name nor a code object's contents can make another one count.

The gates are `property` objects (an immutable built-in type) whose functions keep everything they use in
their closures, which the gate on `__closure__` keeps from the program; their code can't be replaced
either. Installing them needs the types' real dicts and `PyType_Modified`, which only the bootstrap can
reach (ctypes is withheld from programs); they go up once, before the program runs.
"""

import sys
import types

_FRAME_INTERNALS = ("f_globals", "f_locals", "f_builtins")

# id -> code object. The objects are kept alive, so an id is never reused by another object.
_learner_code = {}
_sandpit_code = {}


class SandboxAttributeError(AttributeError):
    """An internal attribute the sandbox withholds. An AttributeError, so `getattr(x, name, default)` and
    `hasattr` treat it as absent, as the standard library expects of attributes that may be missing."""


SandboxAttributeError.__module__ = "builtins"


def _record(registry, code):
    pending = [code]
    while pending:
        item = pending.pop()
        if type(item) is types.CodeType and registry.get(id(item)) is not item:
            registry[id(item)] = item
            pending.extend(const for const in item.co_consts if type(const) is types.CodeType)


def record_learner_code(code):
    """Records `code`, and the code objects nested in it (functions, classes, comprehensions), as the
    learner's own. Returns `code`."""
    _record(_learner_code, code)
    return code


def is_learner_code(code):
    return _learner_code.get(id(code)) is code


def _record_module_code(module):
    """Records the code of every function and method defined in `module` as Sandpit's own."""
    pending = list(vars(module).values())
    seen = set()
    while pending:
        value = pending.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        value = getattr(value, "__func__", value)
        if isinstance(value, property):
            pending.extend(f for f in (value.fget, value.fset, value.fdel) if f is not None)
        elif isinstance(value, types.FunctionType):
            _record(_sandpit_code, value.__code__)
        elif isinstance(value, type) and getattr(value, "__module__", None) == module.__name__:
            pending.extend(vars(value).values())


def _refusal(name, owner):
    return SandboxAttributeError(f"'{name}' of {owner} is not available in the sandbox")


def _gate(descriptor, name, owner, readable, writable):
    """A property standing in for `descriptor`: reads pass when `readable(obj, value)`, writes when
    `writable(obj)`; deleting follows writing. Everything it uses is in its closure, nothing in defaults."""
    get = descriptor.__get__
    set_ = getattr(descriptor, "__set__", None)
    delete = getattr(descriptor, "__delete__", None)
    refuse = _refusal

    def read(obj):
        value = get(obj)
        if not readable(obj, value):
            raise refuse(name, owner)
        return value

    def write(obj, value):
        if set_ is None or not writable(obj):
            raise refuse(name, owner)
        set_(obj, value)

    def remove(obj):
        if delete is None or not writable(obj):
            raise refuse(name, owner)
        delete(obj)

    return property(read, write, remove, getattr(descriptor, "__doc__", None))


def _blinded(descriptor, replacement):
    """A read-only property standing in for a frame's namespace attribute: `replacement(frame)` when it
    gives one, else the real value."""
    get = descriptor.__get__

    def read(frame):
        shown = replacement(frame)
        return get(frame) if shown is None else shown

    return property(read, None, None, getattr(descriptor, "__doc__", None))


def _real_dict(cls):
    import gc

    (namespace,) = gc.get_referents(cls.__dict__)
    return namespace


_installed = []


def install(sandpit_modules, hidden_types):
    """Puts the gates in place (once per interpreter, before the program runs). `sandpit_modules` are the
    bootstrap's modules; `hidden_types` the types whose instances never come out of a function's defaults
    (JavaScript objects)."""
    if _installed:
        return
    _installed.append(True)
    import ctypes

    for module in sandpit_modules:
        _record_module_code(module)
    modified = ctypes.pythonapi.PyType_Modified
    modified.argtypes = [ctypes.py_object]
    modified.restype = None

    function_type, frame_type, module_type = types.FunctionType, types.FrameType, types.ModuleType
    function_code = function_type.__dict__["__code__"].__get__
    frame_code = frame_type.__dict__["f_code"].__get__
    learner_get, sandpit_get = _learner_code.get, _sandpit_code.get
    builtins_dict = __builtins__ if isinstance(__builtins__, dict) else vars(__builtins__)
    withheld = (module_type,) + tuple(hidden_types)
    identity, is_instance, empty = id, isinstance, dict

    def learners(func):
        code = function_code(func)
        return learner_get(identity(code)) is code

    def learners_frame(frame):
        code = frame_code(frame)
        return learner_get(identity(code)) is code

    def function_internals(func, value):
        return learners(func)

    def not_sandpits(func):
        """Defaults may be changed on any function but Sandpit's own, whose defaults hold what its checks
        were given (a changed default could change a check)."""
        code = function_code(func)
        return sandpit_get(identity(code)) is not code

    def function_defaults(func, value):
        if learners(func):
            return True
        code = function_code(func)
        if sandpit_get(identity(code)) is code:
            return False
        for item in (value.values() if type(value) is empty else value or ()):
            if is_instance(item, withheld) or item is builtins_dict:
                return False
        return True

    def frame_namespace(frame):
        """The namespace a frame shows: its own for the learner's frames, an empty dict for the rest."""
        return None if learners_frame(frame) else empty()

    def readable(obj, value):
        return True

    def not_a_module(func, value):
        return not is_instance(value, withheld)

    def never(obj):
        return False

    functions = "functions outside the program"
    frames = "frames outside the program"
    gates = [
        (function_type, "__globals__", functions, function_internals, never),
        (function_type, "__builtins__", functions, function_internals, never),
        (function_type, "__closure__", functions, function_internals, never),
        (function_type, "__defaults__", functions, function_defaults, not_sandpits),
        (function_type, "__kwdefaults__", functions, function_defaults, not_sandpits),
        (function_type, "__code__", functions, readable, learners),
        (frame_type, "f_trace", frames, readable, learners_frame),
        (types.BuiltinFunctionType, "__self__", "built-in functions", not_a_module, never),
    ]
    for cls, name, owner, can_read, can_write in gates:
        namespace = _real_dict(cls)
        namespace[name] = _gate(namespace[name], name, owner, can_read, can_write)
        modified(cls)
    frame_namespace_of = _real_dict(frame_type)
    for name in _FRAME_INTERNALS:
        frame_namespace_of[name] = _blinded(frame_namespace_of[name], frame_namespace)
    modified(frame_type)
