# attack: compile code under a file name inside Pyodide's own package, which the import blocker trusts to
# import the host bridges, in bytes and as a path-like object
# expect: blocked module '_pyodide_core' is not available in the sandbox
import pathlib
for name in (b"/lib/python314.zip/pyodide/forged.py", pathlib.PurePosixPath("/lib/python314.zip/pyodide/forged.py")):
    code = compile("core = __import__('_pyodide_core')", name, "exec")
    namespace = {}
    exec(code, namespace)
    print("SANDBOX-ESCAPED", namespace["core"])
