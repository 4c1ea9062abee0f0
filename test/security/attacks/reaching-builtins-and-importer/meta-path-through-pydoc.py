# attack: reach the real sys through a module that imported it and walk sys.meta_path to Pyodide's finders
# expect: blocked 'meta_path' is not available in the sandbox
import pydoc
for finder in pydoc.sys.meta_path:
    print("SANDBOX-ESCAPED", finder)
