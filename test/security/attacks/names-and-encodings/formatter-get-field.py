# attack: string.Formatter.get_field resolves a dotted field name built at run time with the standard
# library's own getattr and returns the object itself, not a string
# expect: blocked 'get_field' is not available in the sandbox
import string
field = "0.__s" + "elf__"
real_builtins = string.Formatter().get_field(field, [print], {})[0]
print("SANDBOX-ESCAPED", real_builtins)
