# attack: give ast.Attribute a lying `attr` property before exec: the check would read a harmless name and
# the compiler the real one
# expect: blocked names that are not plain strings are not available in the sandbox
import ast
class Liar:
    calls = 0
    def get(self):
        Liar.calls += 1
        return "upper" if Liar.calls % 2 else vars(self).get("hidden", "upper")
    def set(self, value):
        vars(self)["hidden"] = value
ast.Attribute.attr = property(Liar.get, Liar.set)
namespace = {}
exec("real = print.__s" + "elf__", namespace)
print("SANDBOX-ESCAPED", namespace["real"])
