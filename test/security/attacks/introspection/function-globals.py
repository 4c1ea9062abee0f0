# attack: a function's __globals__ holds its module's namespace and, through it, that module's builtins
# expect: blocked '__globals__' is not available in the sandbox
import json
real_builtins = json.dumps.__globals__["__builtins__"]
print("SANDBOX-ESCAPED", real_builtins["__import__"]("js"))
