# attack: "from operator import *" puts attrgetter into the namespace without ever naming it, and
# attrgetter reads attributes with the real getattr
# expect: blocked '__self__' of built-in functions is not available in the sandbox
from operator import *

fetch_attr = globals()["attr" + "getter"]
real_builtins = fetch_attr("__s" + "elf__")(print)
print("SANDBOX-ESCAPED", real_builtins)
import os
finder = fetch_attr("sys.meta_" + "path")(os)[-1]
hook_globals = fetch_attr("find_spec.__f" + "unc__.__glo" + "bals__")(finder)
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

try_the_walls(G, "operator-star-import")
