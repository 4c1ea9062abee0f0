# attack: pydoc (behind help()) walks any object's attributes with the real getattr and imports what it likes
# expect: blocked module 'pydoc' is not available in the sandbox
import pydoc
print("SANDBOX-ESCAPED", pydoc.inspect.getmembers(print))
