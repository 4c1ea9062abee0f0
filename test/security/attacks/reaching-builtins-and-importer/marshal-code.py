# attack: build a code object from bytes with marshal, skipping the check of the program's source
# expect: blocked module 'marshal' is not available in the sandbox
import marshal
code = marshal.loads(marshal.dumps(compile("print(1)", "x", "exec")))
print("SANDBOX-ESCAPED", code)
