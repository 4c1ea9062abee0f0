# attack: hide __globals__ as hex, decode it with the codecs module and read it with getattr
# expect: blocked '__globals__' is not available in the sandbox
import codecs
def f():
    pass
name = codecs.decode("5f5f676c6f62616c735f5f", "hex").decode("ascii")
module_globals = getattr(f, name)
print("SANDBOX-ESCAPED", module_globals["__builtins__"])
