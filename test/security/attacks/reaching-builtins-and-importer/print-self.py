# attack: reach the real builtins module through a builtin function's __self__
# expect: blocked '__self__' is not available in the sandbox
real = print.__self__
real.__import__("js")
print("SANDBOX-ESCAPED")
