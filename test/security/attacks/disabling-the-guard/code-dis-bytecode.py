# attack: dis.Bytecode compiles source with the real compile, past the sandbox's check; run the code object
# it made
# expect: blocked '__self__' is not available in the sandbox
import dis
source = "real = print.__se" + "lf__"
code = dis.Bytecode(source).codeobj
namespace = {}
exec(code, namespace)
print("SANDBOX-ESCAPED", namespace["real"])
