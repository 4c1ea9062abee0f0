# attack: typing evaluates a forward reference with eval and an empty namespace, which gets the real
# builtins; the string is compiled by the standard library, not by the sandbox's compile (the audit hook
# checks it: typing reports the refusal as a SyntaxError of its own)
# expect: blocked (Forward reference must be an expression|'__self__' is not available in the sandbox)
import typing
reference = typing.ForwardRef("print.__se" + "lf__")
value = typing.evaluate_forward_ref(reference, globals={})
print("SANDBOX-ESCAPED", value)
