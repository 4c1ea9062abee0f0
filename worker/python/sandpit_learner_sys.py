"""The `sys` a learner's program imports: the everyday parts of the real one, nothing of its internals.

`sys.modules`, `sys.meta_path`, `sys._getframe`, `sys.settrace` and friends lead straight to every module
and frame in the interpreter; programs learners write never need them. The standard library keeps the
real `sys`. Streams and the recursion limit are shared with the real module, so `sys.stdout = ...`,
`sys.exit()` and `sys.setrecursionlimit()` behave as usual.
"""

import sys as _real_sys
import types

_SHARED = frozenset({
    "argv", "orig_argv", "byteorder", "builtin_module_names", "stdlib_module_names", "copyright",
    "displayhook", "excepthook", "exc_info", "exception", "executable", "exit", "flags", "float_info",
    "float_repr_style", "getdefaultencoding", "getfilesystemencoding", "getrecursionlimit", "getrefcount",
    "getsizeof", "get_int_max_str_digits", "hash_info", "hexversion", "implementation", "int_info",
    "intern", "is_finalizing", "maxsize", "maxunicode", "path", "platform", "prefix", "base_prefix",
    "exec_prefix", "base_exec_prefix", "setrecursionlimit", "set_int_max_str_digits", "thread_info",
    "version", "version_info", "api_version", "dont_write_bytecode", "ps1", "ps2",
    "stdin", "stdout", "stderr", "__stdin__", "__stdout__", "__stderr__",
})

# Assignable names, forwarded to the real module so that print() and input() see them.
_WRITABLE = frozenset({"stdin", "stdout", "stderr", "displayhook", "excepthook", "ps1", "ps2", "dont_write_bytecode"})


class LearnerSys(types.ModuleType):
    def __getattr__(self, name):
        if name in _SHARED:
            return getattr(_real_sys, name)
        raise AttributeError(f"module 'sys' has no attribute '{name}' in the sandbox")

    def __setattr__(self, name, value):
        if name in _WRITABLE:
            setattr(_real_sys, name, value)
        else:
            super().__setattr__(name, value)

    def __dir__(self):
        return sorted(_SHARED)


def learner_sys():
    module = LearnerSys("sys", _real_sys.__doc__)
    return module
