import importlib.util
import os

from conftest_support import raises
from sandpit_isolation import InstalledPackageLoader, LearnerModuleFinder, _record_digest
from sandpit_policy import ModuleNotAvailable
from sandpit_write_guard import ProtectedFileError

# An installed package's files live under /lib, which programs can't change. They are written now, while
# this module is imported: the first program run hardens the shared interpreter, and from then on nothing
# writes there, not even these tests.
_FOLDER = "/lib/python3.14/site-packages/_sandpit_installed_test"
_VERIFIED = b"VALUE = sorted(type('T', (), {'a': 1}).__dict__)[0]\n"
_OUTSIDE = "/tmp/installed_package_test"


def _write(folder, name, source):
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, name)
    with open(path, "wb") as file:
        file.write(source)
    return path


_VERIFIED_PATH = _write(_FOLDER, "verified_mod.py", _VERIFIED)
_CHANGED_PATH = _write(_FOLDER, "changed_mod.py", b"VALUE = 2\n")


def _load(finder, name, folder=_FOLDER):
    spec = finder.find_spec(name, [folder])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return spec, module


def test_an_installed_file_loads_as_written_while_it_matches_its_record():
    finder = LearnerModuleFinder({_VERIFIED_PATH: _record_digest(_VERIFIED)})
    spec, module = _load(finder, "verified_mod")
    # Installed code runs with the real builtins and isn't checked like a learner's (it reads __dict__).
    assert isinstance(spec.loader, InstalledPackageLoader)
    assert module.VALUE == "__dict__"


def test_an_installed_file_that_differs_from_its_record_is_refused():
    finder = LearnerModuleFinder({_CHANGED_PATH: _record_digest(b"VALUE = 1\n")})
    error = raises(ModuleNotAvailable, _load, finder, "changed_mod")
    assert "changed after its package was installed" in str(error)


def test_installed_files_can_not_be_rewritten_once_a_program_has_run():
    raises(ProtectedFileError, _write, _FOLDER, "changed_mod.py", b"VALUE = 3\n")


def test_a_recorded_file_outside_lib_is_not_trusted():
    path = _write(_OUTSIDE, "outside_mod.py", _VERIFIED)
    finder = LearnerModuleFinder({path: _record_digest(_VERIFIED)})
    raises(ModuleNotAvailable, _load, finder, "outside_mod", _OUTSIDE)


def test_a_file_missing_from_the_record_gets_the_learners_loader():
    _write(_OUTSIDE, "unrecorded_mod.py", b"VALUE = 3\n")
    finder = LearnerModuleFinder({})
    spec = finder.find_spec("unrecorded_mod", [_OUTSIDE])
    assert type(spec.loader).__name__ == "LearnerModuleLoader"
