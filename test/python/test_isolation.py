import importlib.util
import os

from conftest_support import raises
from sandpit_isolation import InstalledPackageLoader, LearnerModuleFinder, _record_digest
from sandpit_policy import ModuleNotAvailable

_FOLDER = "/tmp/installed_package_test"


def _write(name, source):
    os.makedirs(_FOLDER, exist_ok=True)
    path = os.path.join(_FOLDER, name)
    with open(path, "wb") as file:
        file.write(source)
    return path


def _load(finder, name):
    spec = finder.find_spec(name, [_FOLDER])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return spec, module


def test_an_installed_file_loads_as_written_while_it_matches_its_record():
    source = b"VALUE = sorted(type('T', (), {'a': 1}).__dict__)[0]\n"
    path = _write("verified_mod.py", source)
    finder = LearnerModuleFinder({path: _record_digest(source)})
    spec, module = _load(finder, "verified_mod")
    # Installed code runs with the real builtins and isn't checked like a learner's (it reads __dict__).
    assert isinstance(spec.loader, InstalledPackageLoader)
    assert module.VALUE == "__dict__"


def test_an_installed_file_rewritten_after_installation_is_refused():
    path = _write("rewritten_mod.py", b"VALUE = 1\n")
    finder = LearnerModuleFinder({path: _record_digest(b"VALUE = 1\n")})
    _write("rewritten_mod.py", b"VALUE = 2\n")
    error = raises(ModuleNotAvailable, _load, finder, "rewritten_mod")
    assert "changed after its package was installed" in str(error)


def test_a_file_missing_from_the_record_gets_the_learners_loader():
    _write("unrecorded_mod.py", b"VALUE = 3\n")
    finder = LearnerModuleFinder({})
    spec = finder.find_spec("unrecorded_mod", [_FOLDER])
    assert type(spec.loader).__name__ == "LearnerModuleLoader"
