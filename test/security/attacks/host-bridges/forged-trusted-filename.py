# attack: the import blocker trusts code whose file name is inside Pyodide's own package; compile() refuses
# such names as str, so pass bytes, then import Pyodide's C core through importlib (withheld, borrowed from
# zipfile) and kill the interpreter with its trigger_fatal_error
# expect: blocked module 'importlib' is not available in the sandbox \(reached as zipfile.importlib\)
import zipfile
importlib = zipfile.importlib
print("SANDBOX-ESCAPED", importlib)
code = compile("core = importlib.import_module('_pyodide_core')", b"/lib/python314.zip/pyodide/forged.py", "exec")
namespace = {"importlib": importlib}
exec(code, namespace)
print("SANDBOX-ESCAPED", namespace["core"])
namespace["core"].trigger_fatal_error()
