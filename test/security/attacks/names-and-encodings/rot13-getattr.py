# attack: hide the name of a gadget attribute with rot13 and fetch it with getattr
# expect: blocked '__self__' is not available in the sandbox
import codecs
real_builtins = getattr(print, codecs.decode("__frys__", "rot13"))
real_builtins.__import__("js")
print("SANDBOX-ESCAPED")
