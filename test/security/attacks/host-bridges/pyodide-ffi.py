# attack: import pyodide.ffi for to_js and create_proxy, the public road from Python into JavaScript
# expect: blocked module 'pyodide(\.ffi)?' is not available in the sandbox
from pyodide.ffi import to_js
print("SANDBOX-ESCAPED", to_js)
