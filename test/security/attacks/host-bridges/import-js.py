# attack: import the js module (the worker's globalThis) directly
# expect: blocked module 'js' is not available in the sandbox
import js
js.fetch("http://127.0.0.1:4190/import-js")
print("SANDBOX-ESCAPED")
