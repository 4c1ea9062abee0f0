# attack: functools.update_wrapper copies the attributes it is told to with the real getattr and setattr;
# told to copy __self__ from print, it would hand over the real builtins module (the gate refuses it, and
# update_wrapper skips attributes it can't read)
# expect: blocked KeyError: '__self__'
import functools
def wrapper():
    pass
functools.update_wrapper(wrapper, print, assigned=("__s" + "elf__",), updated=())
real_builtins = vars(wrapper)["__s" + "elf__"]
print("SANDBOX-ESCAPED", real_builtins)
