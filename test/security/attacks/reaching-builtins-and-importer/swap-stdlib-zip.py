# attack: the trust in "standard library" code is by file name; move the standard-library zip aside and
# put a directory of the same name in its place, holding a module that then runs as Pyodide's own:
# unchecked, with the real builtins and allowed to import the host bridges
# expect: blocked the interpreter's own files can't be changed in the sandbox
import os
import sys
os.rename("/lib/python314.zip", "/tmp/stdlib.zip")
os.makedirs("/lib/python314.zip/pyodide")
with open("/lib/python314.zip/pyodide/planted.py", "w") as f:
    f.write(
        "import os\n"
        "real = __builtins__\n"
        "finder = os.sys.meta_path[-1]\n"
        "G = finder.find_spec.__func__.__globals__['jsfinder'].jsproxies['js']\n"
    )
sys.path.insert(0, "/lib/python314.zip/pyodide")
import planted
print("SANDBOX-ESCAPED", type(planted.real), planted.G)

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

try_the_walls(planted.G, "swap-stdlib-zip")
