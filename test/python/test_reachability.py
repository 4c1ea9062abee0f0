"""What a program can reach, walked from everything it is given: nothing the policy withholds.

The program below runs as a learner's program would, and walks the object graph from its builtins, its
`sys`, `input`, `sys.stdin`, `time.sleep`, the event loop, the signal handlers, turtle and every standard
library module it can import, reading attributes the way standard-library helpers do (operator's
attrgetter, which calls the real getattr and so passes the name checks by). Wherever it gets, it must find
no JavaScript object, no real module (only views), not the real builtins, no function's globals but the
program's own, and no frame's namespace but the program's own. These are the roads SECURITY.md says are
closed as classes (the attribute gate, module views, closures instead of host objects)."""

from conftest_support import LEARNER_POLICY_SPEC, run
from sandpit_policy import HOST_BRIDGES

SCANNER = r'''
from operator import *
import collections, sys, types
read = globals()["attr" + "getter"]
VIEW = type(types)
REAL_MODULE = [cls for cls in read("__mro__")(VIEW) if cls.__name__ == "module" and cls is not VIEW][0]
PLAIN = (int, float, complex, str, bytes, bytearray, bool, type(None), range, memoryview)
WITHHELD = WITHHELD_MODULES
SKIP_MODULES = {"this", "antigravity", "idlelib", "turtledemo", "tkinter", "webbrowser"}

def javascript(obj):
    return any(cls.__name__ == "JsProxy" for cls in read("__mro__")(type(obj)))

def problem(obj):
    kind = type(obj)
    if javascript(obj):
        return "a JavaScript object"
    if isinstance(obj, REAL_MODULE) and kind is not VIEW and kind.__name__ != "LearnerSys":
        name = obj.__name__
        # A real module the policy allows is no worse than its view, as long as what it leads to is checked:
        # the walk goes on through it.
        if name in ("sys", "builtins") or any(name == p or name.startswith(p.rstrip("*")) and (p.endswith("*") or name.startswith(p + ".")) for p in WITHHELD):
            return f"the real module {name}"
    if kind is dict and type(obj.get("__import__")).__name__ == "builtin_function_or_method":
        return "the real builtins"
    if isinstance(obj, types.FrameType) and read("f_code.co_filename")(obj) != "main.py":
        if read("f_globals")(obj) or read("f_locals")(obj) or read("f_builtins")(obj):
            return "the namespace of a frame outside the program"
    if isinstance(obj, types.FunctionType) and read("__code__.co_filename")(obj) != "main.py":
        for name in ("__globals__", "__closure__", "__builtins__"):
            try:
                read(name)(obj)
            except AttributeError:
                continue
            return f"{name} of {obj.__qualname__}"
    return None

def children(obj):
    if isinstance(obj, PLAIN):
        return
    if isinstance(obj, dict):
        for key, value in list(obj.items())[:300]:
            yield f"[{key!r}]"[:60], value
        return
    if isinstance(obj, (list, tuple, set, frozenset, collections.deque)):
        for index, value in enumerate(list(obj)[:100]):
            yield f"[{index}]", value
        return
    try:
        names = dir(obj)
    except Exception:
        return
    for name in names:
        try:
            yield "." + name, read(name)(obj)
        except BaseException:
            continue

seen = set()
findings = []

def walk(roots, depth, budget):
    """Breadth first, `depth` steps from `roots`, looking at no more than `budget` objects (the nearest)."""
    frontier = list(roots)
    looked_at = 0
    for level in range(depth + 1):
        following = []
        for path, obj in frontier:
            if id(obj) in seen or isinstance(obj, PLAIN):
                continue
            if looked_at >= budget:
                return
            seen.add(id(obj))
            looked_at += 1
            issue = problem(obj)
            if issue:
                findings.append(f"{path}: {issue}")
            elif level < depth:
                following.extend((path + step, child) for step, child in children(obj))
        frontier = following

import asyncio, signal, time, turtle, warnings
warnings.simplefilter("ignore")
roots = [("__builtins__", __builtins__), ("sys", sys), ("input", input), ("sys.stdin", sys.stdin),
         ("sys.stdout", sys.stdout), ("sys.stderr", sys.stderr), ("time.sleep", time.sleep), ("the event loop", asyncio.get_event_loop()),
         ("turtle", turtle)]
for number in range(1, 65):
    try:
        handler = signal.getsignal(number)
    except (ValueError, OSError):
        continue
    if callable(handler):
        roots.append((f"signal.getsignal({number})", handler))
walk(roots, DEPTH_FROM_HANDLES, 40_000)
modules = []
for name in sorted(sys.stdlib_module_names - SKIP_MODULES):
    try:
        modules.append((name, __import__(name)))
    except BaseException:
        pass
walk(modules, DEPTH_FROM_MODULES, 80_000)
assert len(modules) > 150 and len(seen) > 80_000, (len(modules), len(seen))
# The walk would know them: stand-ins for what it looks for are found.
assert problem(REAL_MODULE("sys")) and problem(REAL_MODULE("inspect")) and problem({"__import__": len})
if findings:
    raise AssertionError(f"{len(findings)} found:\n" + "\n".join(findings[:40]))
'''


class StdoutSignalsHost:
    """A host like the worker's in what the program can reach through it: stdout's two buffering signals'
    handlers installed, and sys.stderr Sandpit's (sandpit_output)."""

    stdout_line_signal = 62
    stdout_block_signal = 63


def test_nothing_withheld_is_reachable_from_what_a_program_is_given():
    withheld = LEARNER_POLICY_SPEC["modules"]["deny"] + list(HOST_BRIDGES)
    code = (
        SCANNER.replace("DEPTH_FROM_HANDLES", "6")
        .replace("DEPTH_FROM_MODULES", "3")
        .replace("WITHHELD_MODULES", repr(withheld))
    )
    outcome = run(code, host=StdoutSignalsHost())
    assert outcome == {"kind": "completed"}, outcome.get("error", {}).get("message", outcome)
