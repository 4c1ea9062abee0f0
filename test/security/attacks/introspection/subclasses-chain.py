# attack: the classic gadget chain from an empty tuple to every class in the interpreter
# expect: blocked is not available in the sandbox
for cls in ().__class__.__base__.__subclasses__():
    if cls.__name__ == "catch_warnings":
        print("SANDBOX-ESCAPED", cls()._module.__builtins__["__import__"]("js"))
