import type { SandboxPolicy } from '../wire/protocol';

/**
 * The bridges from Python to the JavaScript host and to raw memory, CPython's test modules (they poke at
 * interpreter internals), and Sandpit's own bootstrap. The worker refuses them to every importer whatever
 * the policy says (HOST_BRIDGES in worker/python/sandpit_policy.py; a unit test keeps the lists equal);
 * listing them here keeps policies honest about what they allow.
 */
export const HOST_BRIDGE_MODULES: readonly string[] = [
  'js',
  'pyodide',
  'pyodide_js',
  '_pyodide*',
  'pyodide_http',
  'micropip',
  'ctypes',
  '_ctypes',
  '_testcapi',
  '_testinternalcapi',
  '_testlimitedcapi',
  '_testbuffer',
  '_testclinic',
  '_testclinic_limited',
  '_xxtestfuzz',
  '_remote_debugging',
  'sandpit_*',
];

/**
 * Standard-library modules a learner's program may not import: they hand out frames, the garbage
 * collector's view of every object, the real builtins or importer, or run source code with the real
 * builtins (pickle can call any importable function; timeit and runpy run strings outside the policy).
 * The standard library itself still uses them.
 */
// prettier-ignore
export const INTROSPECTION_MODULES: readonly string[] = [
  'gc', 'inspect', 'builtins', 'importlib', 'pkgutil', 'zipimport', '_imp', '_frozen_importlib',
  '_frozen_importlib_external', 'marshal', 'pickle', '_pickle', 'pickletools', 'copyreg', 'shelve', 'dbm',
  'runpy', 'code', 'codeop', 'pdb', 'bdb', 'timeit', 'doctest', 'profile', 'cProfile', '_lsprof', 'trace',
  'faulthandler', 'multiprocessing', 'unittest.mock', 'logging.config', '_interpreters', 'concurrent.interpreters',
  // pydoc walks any object's attributes with the real getattr; py_compile/compileall write bytecode files
  'pydoc', 'py_compile', 'compileall',
];

/**
 * Python 3.14's builtins that learners get. Left out: `breakpoint` (no debugger here), the module dunders
 * and Pyodide's private helpers. `__import__` is always the policy's import guard.
 */
// prettier-ignore
export const LEARNER_BUILTINS: readonly string[] = [
  // constants
  'None', 'True', 'False', 'Ellipsis', 'NotImplemented', '__debug__', '__build_class__',
  // functions
  'abs', 'aiter', 'all', 'anext', 'any', 'ascii', 'bin', 'callable', 'chr', 'compile', 'copyright', 'credits',
  'delattr', 'dir', 'divmod', 'eval', 'exec', 'exit', 'format', 'getattr', 'globals', 'hasattr', 'hash', 'help',
  'hex', 'id', 'input', 'isinstance', 'issubclass', 'iter', 'len', 'license', 'locals', 'max', 'min', 'next',
  'oct', 'open', 'ord', 'pow', 'print', 'quit', 'repr', 'round', 'setattr', 'sorted', 'sum', 'vars',
  // types
  'bool', 'bytearray', 'bytes', 'classmethod', 'complex', 'dict', 'enumerate', 'filter', 'float', 'frozenset',
  'int', 'list', 'map', 'memoryview', 'object', 'property', 'range', 'reversed', 'set', 'slice', 'staticmethod',
  'str', 'super', 'tuple', 'type', 'zip',
  // exceptions and warnings
  'ArithmeticError', 'AssertionError', 'AttributeError', 'BaseException', 'BaseExceptionGroup',
  'BlockingIOError', 'BrokenPipeError', 'BufferError', 'BytesWarning', 'ChildProcessError',
  'ConnectionAbortedError', 'ConnectionError', 'ConnectionRefusedError', 'ConnectionResetError',
  'DeprecationWarning', 'EOFError', 'EncodingWarning', 'EnvironmentError', 'Exception', 'ExceptionGroup',
  'FileExistsError', 'FileNotFoundError', 'FloatingPointError', 'FutureWarning', 'GeneratorExit', 'IOError',
  'ImportError', 'ImportWarning', 'IndentationError', 'IndexError', 'InterruptedError', 'IsADirectoryError',
  'KeyError', 'KeyboardInterrupt', 'LookupError', 'MemoryError', 'ModuleNotFoundError', 'NameError',
  'NotADirectoryError', 'NotImplementedError', 'OSError', 'OverflowError', 'PendingDeprecationWarning',
  'PermissionError', 'ProcessLookupError', 'PythonFinalizationError', 'RecursionError', 'ReferenceError',
  'ResourceWarning', 'RuntimeError', 'RuntimeWarning', 'StopAsyncIteration', 'StopIteration', 'SyntaxError',
  'SyntaxWarning', 'SystemError', 'SystemExit', 'TabError', 'TimeoutError', 'TypeError', 'UnboundLocalError',
  'UnicodeDecodeError', 'UnicodeEncodeError', 'UnicodeError', 'UnicodeTranslateError', 'UnicodeWarning',
  'UserWarning', 'ValueError', 'Warning', 'ZeroDivisionError',
];

/** The scratch pad's default: the whole standard library, no host bridges. */
export const LEARNER_POLICY: SandboxPolicy = {
  name: 'learner',
  modules: { allow: '*', deny: [...HOST_BRIDGE_MODULES, ...INTROSPECTION_MODULES] },
  builtins: LEARNER_BUILTINS,
};

/** Modules a first course uses: numbers, text, randomness, time, collections. */
// prettier-ignore
const BEGINNER_MODULES = [
  'math', 'cmath', 'random', 'statistics', 'fractions', 'decimal', 'string', 'textwrap', 're', 'time',
  'datetime', 'calendar', 'itertools', 'functools', 'collections', 'heapq', 'bisect', 'dataclasses',
  'enum', 'typing', 'json', 'operator', 'copy', 'pprint',
];

/**
 * Named policies, for widgets (`policy="beginner"`) and embedders. Every preset denies the host bridges
 * and the introspection modules; they differ in what else a program may import.
 */
export const POLICY_PRESETS: Readonly<Record<string, SandboxPolicy>> = {
  learner: LEARNER_POLICY,
  beginner: {
    ...LEARNER_POLICY,
    name: 'beginner',
    modules: { ...LEARNER_POLICY.modules, allow: BEGINNER_MODULES },
  },
  'no-imports': { ...LEARNER_POLICY, name: 'no-imports', modules: { ...LEARNER_POLICY.modules, allow: [] } },
};

/**
 * A policy from a preset narrowed by an author: `allow` lists the only modules a program may import,
 * `deny` refuses more. Neither can admit what the preset denies.
 */
export function customPolicy(
  base: SandboxPolicy,
  changes: { readonly allow?: readonly string[]; readonly deny?: readonly string[] },
): SandboxPolicy {
  const allow =
    changes.allow === undefined
      ? base.modules.allow
      : base.modules.allow === '*'
        ? changes.allow
        : changes.allow.filter((name) => (base.modules.allow as readonly string[]).includes(name));
  return {
    ...base,
    name: `${base.name}+custom`,
    modules: { allow, deny: [...base.modules.deny, ...(changes.deny ?? [])] },
  };
}
