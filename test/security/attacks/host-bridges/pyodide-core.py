# attack: Pyodide's C core (_pyodide_core), a built-in module that holds the JsProxy machinery
# expect: blocked module '_pyodide_core' is not available in the sandbox
import _pyodide_core
print("SANDBOX-ESCAPED", _pyodide_core)
