# attack: unpickle a GLOBAL opcode that names builtins.__import__ (pickle finds any importable object)
# expect: blocked module 'pickle' is not available in the sandbox
import pickle
real_import = pickle.loads(b"cbuiltins\n__import__\n.")
print("SANDBOX-ESCAPED", real_import("js"))
