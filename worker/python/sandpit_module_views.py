"""What `import` hands a learner's program: a view of the module, which never hands out what the policy
withholds.

Standard-library modules keep references to whatever they use: `os.sys` is the real `sys`,
`dataclasses.inspect` and `zipfile.importlib` are withheld modules, `enum.bltns` is the real `builtins`.
A program that imports the module would otherwise get those as plain attributes. The import guard
(sandpit_policy) therefore returns a ModuleView, and every attribute a view hands out is looked at first:

- another module: a view of it when the policy allows that module, the learner's own `sys` for `sys`, and
  otherwise a refusal that names the module ("module 'inspect' is not available in the sandbox");
- the real `builtins` (module or dict) and JavaScript objects: refused;
- anything else: as it is (functions, classes and data work as usual; what they lead to is the attribute
  gate's business, sandpit_gates).

Reading, writing and deleting attributes, `dir()`, `vars()` and `from module import *` all go through the
view; writes reach the module itself, so patching a module in a program behaves as it does in Python.
A view keeps no reference to its module that a program could read: the pairing lives in this module's
globals, behind the gate on function globals.
"""

import builtins as _real_builtins
import sys as _real_sys
import types

from sandpit_gates import SandboxAttributeError

try:
    from pyodide.ffi import JsProxy as JS_PROXY
except ImportError:  # Not Pyodide: there are no JavaScript objects.
    class JS_PROXY:
        pass

# id(view) -> (view, module, policy, learner sys); id(module) -> view.
_views = {}
_view_of_module = {}
# Taken now: a program may rebind `types.ModuleType` (through a view of `types`) before it imports more.
_MODULE_TYPE = types.ModuleType
_module_dict = _MODULE_TYPE.__dict__["__dict__"].__get__
_plain_callables = (types.FunctionType, types.BuiltinFunctionType, type)
_BUILTINS_DICT = _real_builtins.__dict__


class ModuleView(_MODULE_TYPE):
    """A learner's handle on a module (see the module docstring). One the program makes itself
    (`type(math)("mine")`) is a plain module of its own."""

    def __getattr__(self, name):
        entry = _entry(self)
        if entry is None:
            raise AttributeError(f"module '{_name_of(self)}' has no attribute '{name}'")
        module = entry[1]
        value = _safe(getattr(module, name), entry, f"{_name_of(module)}.{name}")
        if isinstance(value, _plain_callables):
            # Functions and classes are rebound rarely: keep them on the view, where CPython finds them
            # without calling back into Python (a loop calling math.sqrt stays as fast as without views).
            _module_dict(self)[name] = value
        return value

    def __setattr__(self, name, value):
        entry = _entry(self)
        if entry is None:
            return _MODULE_TYPE.__setattr__(self, name, value)
        setattr(entry[1], name, value)
        _module_dict(self).pop(name, None)

    def __delattr__(self, name):
        entry = _entry(self)
        if entry is None:
            return _MODULE_TYPE.__delattr__(self, name)
        delattr(entry[1], name)
        _module_dict(self).pop(name, None)

    def __dir__(self):
        entry = _entry(self)
        return sorted(_module_dict(self)) if entry is None else dir(entry[1])

    def __repr__(self):
        entry = _entry(self)
        return _MODULE_TYPE.__repr__(self) if entry is None else repr(entry[1])

    @property
    def __dict__(self):
        """What vars() and `from module import *` see: the module's namespace, filtered like attributes."""
        entry = _entry(self)
        if entry is None:
            return _module_dict(self)
        module = entry[1]
        namespace = {}
        for name, value in list(_module_dict(module).items()):
            try:
                namespace[name] = _safe(value, entry, f"{_name_of(module)}.{name}")
            except AttributeError:
                continue
        return namespace


# Shown as the built-in module type: `type(math).__name__` is "module", as programs expect.
ModuleView.__name__ = ModuleView.__qualname__ = "module"
ModuleView.__module__ = "builtins"


def _entry(view):
    entry = _views.get(id(view))
    return entry if entry is not None and entry[0] is view else None


def _name_of(module):
    name = _module_dict(module).get("__name__")
    return name if type(name) is str else "?"


def _safe(value, entry, where):
    """`value` as a learner may have it, reached as `where`; raises SandboxAttributeError when withheld."""
    policy, learner_sys = entry[2], entry[3]
    if value is _real_sys:
        return learner_sys
    if value is _real_builtins or value is _BUILTINS_DICT:
        raise SandboxAttributeError(f"'{where}' (the real builtins) is not available in the sandbox")
    if isinstance(value, JS_PROXY):
        raise SandboxAttributeError(f"'{where}' (a JavaScript object) is not available in the sandbox")
    if isinstance(value, _MODULE_TYPE) and type(value) is not ModuleView and value is not learner_sys:
        name = _name_of(value)
        if not policy.is_module_allowed(name):
            raise SandboxAttributeError(f"module '{name}' is not available in the sandbox (reached as {where})")
        return view_of(value, policy, learner_sys)
    return value


def view_of(module, policy, learner_sys):
    """The view of `module` for this run (one per module, so `import os` twice gives the same object)."""
    if type(module) is ModuleView or module is learner_sys:
        return module
    view = _view_of_module.get(id(module))
    if view is not None and _views[id(view)][1] is module:
        return view
    view = ModuleView(_name_of(module))
    for name in ("__doc__", "__package__", "__loader__", "__spec__"):
        _module_dict(view).pop(name, None)  # read from the module itself, through __getattr__
    _views[id(view)] = (view, module, policy, learner_sys)
    _view_of_module[id(module)] = view
    return view


def held_modules(module):
    """(class, attribute name) for each module that `module`'s own classes keep as a class attribute
    (`pathlib.PurePosixPath.parser` is the real `posixpath`, whose `os.sys` is the real `sys`)."""
    namespace = _module_dict(module)
    module_name = namespace.get("__name__")
    held = []
    for value in list(namespace.values()):
        if not isinstance(value, type) or value.__dict__.get("__module__") != module_name:
            continue
        for name, kept in list(value.__dict__.items()):
            if isinstance(kept, _MODULE_TYPE) and type(kept) is not ModuleView:
                held.append((value, name))
    return held


def shield(module, policy, learner_sys, held=None):
    """Puts views in place of the modules `module`'s own classes keep (held_modules, or `held` when
    already found), in the classes and in `module`'s globals alike, so the module's own identity checks
    (`self.parser is posixpath`) keep holding. Called for the standard library's modules as they are loaded."""
    namespace = _module_dict(module)
    replaced = {}
    for cls, name in held_modules(module) if held is None else held:
        kept = cls.__dict__.get(name)
        if isinstance(kept, _MODULE_TYPE) and type(kept) is not ModuleView:
            view = replaced.setdefault(id(kept), view_of(kept, policy, learner_sys))
            setattr(cls, name, view)
    for name, value in list(namespace.items()):
        if id(value) in replaced and replaced[id(value)] is not value:
            namespace[name] = replaced[id(value)]
