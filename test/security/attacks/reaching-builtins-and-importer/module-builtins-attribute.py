# attack: every standard-library module carries the real builtins in its __builtins__
# expect: blocked '__builtins__' is not available in the sandbox
import os
real_import = os.__builtins__["__import__"]
print("SANDBOX-ESCAPED", real_import("js"))
