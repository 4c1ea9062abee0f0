# attack: sys.stdin is the sandbox's own reader, which keeps the JavaScript host object the worker passed in;
# from a JsProxy, .constructor.constructor is JavaScript's Function, which would evaluate any string
# expect: blocked 'LearnerStdin' object has no attribute '_io'
import sys
host = sys.stdin._io._host
print("SANDBOX-ESCAPED", type(host).__name__, host.constructor)
Function = host.constructor.constructor
for source in ("return globalThis", "return fetch('http://127.0.0.1:4190/stdin-host-proxy')"):
    try:
        print("Function went through:", Function(source)())
    except Exception as error:
        print("Function refused:", type(error).__name__)
