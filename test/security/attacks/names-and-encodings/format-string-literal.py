# attack: str.format walks attributes inside a replacement field: "{0.__globals__}" reads f.__globals__
# expect: blocked '__globals__' is not available in the sandbox
def f():
    pass
leaked = "{0.__globals__[__builtins__]}".format(f)
print("SANDBOX-ESCAPED", leaked)
