# attack: with the real builtins (through operator's attrgetter) add a global for every later program, and
# with the worker's timers (globalThis through Pyodide's path finder) schedule Python code that writes to
# the console after this run has ended, hoping it lands in the next run's output
# expect: blocked '__self__' of built-in functions is not available in the sandbox
from operator import *
fetch_attr = globals()["attr" + "getter"]
real_builtins = fetch_attr("__s" + "elf__")(print)
real_builtins.leftover = True
print("SANDBOX-ESCAPED", real_builtins)
import asyncio
import os
finder = fetch_attr("sys.meta_" + "path")(os)[-1]
G = fetch_attr("find_spec.__f" + "unc__.__glo" + "bals__")(finder)["jsfinder"].jsproxies["js"]
# Pyodide's create_once_callable (from WebLoop's module) keeps the Python function alive for JavaScript.
once = fetch_attr("call_soon.__f" + "unc__.__glo" + "bals__")(asyncio.get_event_loop())["create_once_callable"]
import sys
for delay in (0, 50, 300, 1000, 2500):
    message = f"leftover timer from a previous run ({delay} ms)\n"
    G.setTimeout(once(lambda message=message: sys.__stdout__.write(message) and sys.__stdout__.flush()), delay)
print("armed")
