# attack: ask the garbage collector who refers to a builtin, which finds the real builtins dict
# expect: blocked module 'gc' is not available in the sandbox
import gc
for referrer in gc.get_referrers(print):
    print("SANDBOX-ESCAPED", type(referrer))
