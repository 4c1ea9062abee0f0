# attack: compile harmless code, then rename what it reads with code.replace, so the checked source never
# names __self__ but the code that runs does
# expect: blocked 'code.__new__' is not available in the sandbox
code = compile("print.upper", "<built>", "eval")
swapped = code.replace(co_names=("print", "__s" + "elf__"))
print("SANDBOX-ESCAPED", eval(swapped))
