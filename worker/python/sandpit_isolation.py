"""Process-wide hardening, done once, right before the learner's program runs.

Each interpreter runs exactly one program and is then thrown away, so these changes are never undone:

1. Host bridges are taken out of `sys.modules` and Pyodide's JavaScript importer out of `sys.meta_path`,
   so no cached module leads to JavaScript.
2. An import blocker goes first on `sys.meta_path`, so the bridges can't be imported again by any code
   but Pyodide's own (its event loop imports `pyodide_js._api` lazily), including the standard library's
   `importlib` (which doesn't go through the builtins' `__import__`).
3. Modules the program writes and then imports are checked and run under the learner's builtins, not the
   real ones; compiled files the program writes (.pyc, .so) are refused.
4. An audit hook refuses, for the rest of the interpreter's life, the events that build code or functions
   from parts, walk the garbage collector's references, install trace or profile functions, use ctypes,
   or import a bridge from anywhere but Pyodide's own code. It keeps no state a program could change: the
   audit-hook bypass that edits the hook's globals through a frame has nothing to edit.

Packages the host installed before the run (a teacher's wheels, see trust_installed) are the exception to
3: their files load as the package's authors wrote them, with the real builtins, but only while their
contents still match the hashes in the package's RECORD, so a program that rewrites one gets its own
rules back, not the package's trust.

Who imports is read from the importing frame's file name. Programs can't forge one: the sandbox's
compile() refuses file names inside /lib/, and code objects can't be built or altered (audited).
"""

import importlib.abc
import importlib.machinery
import importlib.util
import sys
import types

import sandpit_gates
from sandpit_exception_table import REPLACING_CODE
from sandpit_guard import SandboxError, check_source, check_tree, compile_learner_code
from sandpit_module_views import JS_PROXY, held_modules, shield
from sandpit_write_guard import make_write_guard
from sandpit_policy import ModuleNotAvailable, module_matches

# Standard library and Pyodide live in this zip. Its modules are trusted when the zip importer made for it
# finds them (not by the text of a path: a folder of the same name would be the program's own), and the
# zip itself can't be changed, moved or replaced (sandpit_write_guard).
STDLIB_ZIP = "/lib/python314.zip"

# Code that may import the host bridges: Pyodide's own packages, inside the standard library zip.
TRUSTED_IMPORTERS = ("/lib/python314.zip/pyodide/", "/lib/python314.zip/_pyodide/")

# Frames of the import machinery itself, skipped when looking for who asked for an import.
_IMPORT_MACHINERY = ("<frozen importlib.", "/lib/python314.zip/importlib/", "/sandpit/sandpit_isolation.py")


def requested_by_pyodide(getframe=sys._getframe):
    """True when the import in progress was asked for by Pyodide's own code (or from JavaScript)."""
    frame = getframe(1)
    while frame is not None and frame.f_code.co_filename.startswith(_IMPORT_MACHINERY):
        frame = frame.f_back
    return frame is None or frame.f_code.co_filename.startswith(TRUSTED_IMPORTERS)

_BLOCKED_EVENTS = frozenset({
    "function.__new__", "code.__new__", "gc.get_referrers", "gc.get_referents", "gc.get_objects",
    "sys.settrace", "sys.setprofile", "sys._setprofileallthreads", "sys._settraceallthreads",
    "sys.monitoring.register_callback",
})


class ImportBlocker(importlib.abc.MetaPathFinder):
    """First on sys.meta_path: refuses the host bridges to every importer."""

    def __init__(self, patterns):
        self._patterns = tuple(patterns)

    def find_spec(self, name, path=None, target=None):
        if any(module_matches(name, pattern) for pattern in self._patterns) and not requested_by_pyodide():
            raise ModuleNotAvailable(f"module '{name}' is not available in the sandbox", name=name)
        return None


class LearnerModuleLoader(importlib.machinery.SourceFileLoader):
    """Loads a module the program wrote: checked like the program, run with the learner's builtins."""

    learner_builtins = None  # set by install()

    def source_to_code(self, data, path, *, _optimize=-1):
        return compile_learner_code(importlib.util.decode_source(data), path)

    def exec_module(self, module):
        module.__builtins__ = LearnerModuleLoader.learner_builtins
        super().exec_module(module)


class InstalledPackageLoader(importlib.machinery.SourceFileLoader):
    """Loads a module of an installed package from its source, once the source matches its RECORD hash."""

    def __init__(self, name, path, digest):
        super().__init__(name, path)
        self._digest = digest

    def get_code(self, fullname):
        # Always from the verified source: a cached .pyc could have been written by the program. Only
        # files under /lib, which programs can't change (sandpit_write_guard), are compiled unchecked: the
        # audit hook checks the source of any other.
        path = str.__str__(self.path)
        data = self.get_data(path)
        if not path.startswith("/lib/") or _record_digest(data) != self._digest:
            raise ModuleNotAvailable(
                f"module '{fullname}' was changed after its package was installed, so it can't be imported",
                name=fullname,
            )
        return compile(data, path, "exec", dont_inherit=True)


def _record_digest(data):
    import base64
    import hashlib

    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")


class LearnerModuleFinder(importlib.abc.MetaPathFinder):
    """Second on sys.meta_path: gives modules found outside the standard library the learner's loader."""

    def __init__(self, installed):
        # Path -> RECORD digest of the files of packages the host installed (see trust_installed).
        self._installed = installed

    def find_spec(self, name, path=None, target=None):
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        if spec is None or spec.origin is None:
            return spec
        if _from_stdlib_zip(spec):
            if _shield_with:
                spec.loader = _ShieldingLoader(spec.loader)
            return spec
        if spec.origin in ("namespace", "built-in", "frozen"):
            return spec
        digest = self._installed.get(spec.origin)
        if digest is not None:
            if spec.origin.endswith(".py"):
                spec.loader = InstalledPackageLoader(name, spec.origin, digest)
            # Extension modules of installed packages: Pyodide loads them when it installs the package, so
            # importing one should link that copy (not yet tried with a real compiled package).
            return spec
        if not spec.origin.endswith(".py"):
            # A .pyc or extension module the program wrote would run outside the policy.
            raise ModuleNotAvailable(
                f"module '{name}' is compiled ({spec.origin}); only .py files can be imported in the sandbox",
                name=name,
            )
        spec.loader = LearnerModuleLoader(name, spec.origin)
        return spec


_ZIP_IMPORTER = __import__("zipimport").zipimporter
_stat = __import__("posix").stat
_stdlib_zip_inode = []


def _from_stdlib_zip(spec):
    """The module comes from the standard library's own zip, as its zip importer found it."""
    loader = spec.loader
    return (
        type(loader) is _ZIP_IMPORTER
        and loader.archive == STDLIB_ZIP
        and [_stat(STDLIB_ZIP).st_ino] == _stdlib_zip_inode
    )


# (policy, learner sys) of the run, once install() has run: standard-library modules loaded from then on
# are shielded (sandpit_module_views.shield) as soon as they have run, before a program can see them.
_shield_with = []


class _ShieldingLoader:
    """A standard-library module's zip importer, which shields the module once it has run."""

    def __init__(self, wrapped):
        self._wrapped = wrapped

    def create_module(self, spec):
        return self._wrapped.create_module(spec)

    def exec_module(self, module):
        self._wrapped.exec_module(module)
        shield(module, *_shield_with)

    def __getattr__(self, name):
        return getattr(self._wrapped, name)


def _make_audit_hook(blocked_events, bridge_patterns, matches, trusted, mender_code, annotations_code, getframe,
                     write_guard, check_source, check_tree, ast_type, sandbox_error):
    # Everything the hook consults is bound here as immutable values (frozenset, tuple, function, code
    # object): no global, no attribute, nothing a program could reach and change.
    busy = [False]  # the hook's own parse of a source raises a compile event of its own

    def sandpit_audit(event, args, _blocked=blocked_events, _bridges=bridge_patterns, _matches=matches,
                      _trusted=trusted, _mender=mender_code, _annotations=annotations_code, _getframe=getframe,
                      _write_guard=write_guard,
                      _check_source=check_source, _check_tree=check_tree, _ast=ast_type, _busy=busy,
                      _refusal=sandbox_error, _str=str, _bytes=bytes, _bytearray=bytearray, _type=type,
                      _isinstance=isinstance,
                      _stdlib="/lib/"):
        if event == "code.__new__" and _getframe(1).f_code is _mender:
            return  # sandpit_exception_table mending a table: the only code object built after this point
        if event == "function.__new__" and _getframe(1).f_code is _annotations:
            # annotationlib evaluating the learner's annotations with stand-in globals (typing.NamedTuple
            # and dataclasses ask for that): the code is the learner's annotate function's, and the gates
            # keep any other function's closure and globals from it.
            return
        if event in _blocked or event.startswith("ctypes."):
            raise RuntimeError(f"'{event}' is not available in the sandbox")
        if event == "import":
            name = args[0]
            for pattern in _bridges:
                if _matches(name, pattern) and not _trusted():
                    raise ModuleNotAvailable(f"module '{name}' is not available in the sandbox", name=name)
            return
        if event == "compile":
            # Whatever compiles source after the program started (the program, or a standard-library
            # helper it called: dis, typing's forward references) compiles checked source. The standard
            # library's own modules, imported from its zip, are what the checks protect, not what they
            # check.
            source, filename = args[0], args[1]
            if _busy[0] or (_type(filename) is _str and filename.startswith(_stdlib)):
                return
            _busy[0] = True
            try:
                if _isinstance(source, _ast):
                    _check_tree(source)
                elif _type(source) in (_str, _bytes, _bytearray):
                    try:
                        _check_source(source, filename if _type(filename) is _str else "<string>")
                    except SyntaxError as error:
                        if _isinstance(error, _refusal):
                            raise
                        # Not valid as a module: compile itself says why, in its own mode.
            finally:
                _busy[0] = False
            return
        _write_guard(event, args)

    return sandpit_audit


_installed = False
_installed_files = {}


def trust_installed(distribution_names):
    """Records the files (and their RECORD hashes) of packages the host just installed, before install()."""
    import importlib.metadata
    import os

    for name in distribution_names:
        distribution = importlib.metadata.distribution(name)
        for file in distribution.files or ():
            if file.hash is None or file.hash.mode != "sha256":
                continue
            _installed_files[os.path.normpath(str(file.locate()))] = file.hash.value


# What prepare() found, for install(): the modules it looked at (by id, kept alive) and, per module, the
# modules its classes keep (sandpit_module_views.held_modules).
_prepared_modules = {}


def prepare():
    """The part of the hardening that costs time and depends on no run, done when the bootstrap is installed
    (so a memory snapshot holds it, and a run doesn't pay for it): the attribute gate on the built-in types
    (it needs ctypes, which programs never get), and a look at the loaded modules for classes that keep
    modules."""
    if _prepared_modules:
        return
    sandpit_gates.install([module for name, module in sys.modules.items() if name.startswith("sandpit_")],
                          (JS_PROXY,))
    for module in list(sys.modules.values()):
        if isinstance(module, types.ModuleType):
            _prepared_modules[id(module)] = (module, held_modules(module))


def install(bridge_patterns, learner_builtins, policy=None, learner_sys=None):
    """Applies the hardening (once per interpreter). With `policy` and the run's `learner_sys`, the
    standard-library modules loaded so far, and those loaded later, are shielded (sandpit_module_views)."""
    global _installed
    if _installed:
        return
    _installed = True
    import annotationlib
    import ast

    prepare()  # normally done already, before the snapshot
    _stdlib_zip_inode.append(_stat(STDLIB_ZIP).st_ino)
    patterns = tuple(bridge_patterns)
    for name in list(sys.modules):
        if any(module_matches(name, pattern) for pattern in patterns):
            del sys.modules[name]
    sys.meta_path[:] = [finder for finder in sys.meta_path if type(finder).__name__ != "JsFinder"]
    LearnerModuleLoader.learner_builtins = learner_builtins
    # Just before the PathFinder, so built-in modules still win over a program's files of the same name.
    path_finder = sys.meta_path.index(importlib.machinery.PathFinder)
    # A read-only view of a copy: what was trusted when the program started is all that ever will be.
    sys.meta_path.insert(path_finder, LearnerModuleFinder(types.MappingProxyType(dict(_installed_files))))
    sys.meta_path.insert(0, ImportBlocker(patterns))
    sys.path_importer_cache.clear()
    if policy is not None:
        _shield_with.extend((policy, learner_sys))
        for module in list(sys.modules.values()):
            if not isinstance(module, types.ModuleType):
                continue
            known = _prepared_modules.get(id(module))
            held = known[1] if known is not None and known[0] is module else None
            if held != []:
                shield(module, policy, learner_sys, held)
    sys.addaudithook(_make_audit_hook(
        _BLOCKED_EVENTS, patterns, module_matches, requested_by_pyodide, REPLACING_CODE,
        annotationlib.call_annotate_function.__code__, sys._getframe,
        make_write_guard(), check_source, check_tree, ast.AST, SandboxError))
