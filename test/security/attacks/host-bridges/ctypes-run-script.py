# attack: ctypes into the Emscripten runtime, whose emscripten_run_script evaluates JavaScript
# expect: blocked module 'ctypes' is not available in the sandbox
import ctypes
ctypes.CDLL(None).emscripten_run_script(b"fetch('http://127.0.0.1:4190/ctypes')")
print("SANDBOX-ESCAPED")
