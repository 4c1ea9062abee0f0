# attack: reach Pyodide's JavaScript API through importlib, which skips the builtins' __import__
# expect: blocked module 'importlib' is not available in the sandbox
import importlib
api = importlib.import_module("pyodide_js")
print("SANDBOX-ESCAPED", api)
