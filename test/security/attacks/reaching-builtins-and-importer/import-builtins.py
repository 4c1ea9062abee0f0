# attack: import the builtins module itself, whose __import__ and open are the unguarded originals
# expect: blocked module 'builtins' is not available in the sandbox
import builtins
builtins.__import__("js")
print("SANDBOX-ESCAPED")
