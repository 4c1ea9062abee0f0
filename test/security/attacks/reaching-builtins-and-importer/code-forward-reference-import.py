# attack: typing evaluates a forward reference with eval and empty globals, so the code it compiles from the
# program's text looks names up in the real builtins: the real __import__ hands out withheld modules
# expect: blocked (Forward reference must be an expression|'__import__' is not available in the sandbox)
import typing
reference = typing.ForwardRef("__import__('gc')")
gc = typing.evaluate_forward_ref(reference, globals={})
print("SANDBOX-ESCAPED", gc)
