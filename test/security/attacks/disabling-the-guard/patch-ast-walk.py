# attack: the guard checks exec'd source with the shared ast module; replace ast.walk so the check sees no
# nodes, then exec source that names the denied attributes outright
# expect: blocked '__self__' is not available in the sandbox
import ast
ast.walk = lambda tree: iter(())
namespace = {}
exec(
    "import os\n"
    "real = print.__self__\n"
    "G = os.sys.meta_path[-1].find_spec.__func__.__globals__['jsfinder'].jsproxies['js']\n",
    namespace,
)
print("SANDBOX-ESCAPED", namespace["real"], namespace["G"])

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

try_the_walls(namespace["G"], "patch-ast-walk")
