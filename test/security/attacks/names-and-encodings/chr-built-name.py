# attack: build the name __self__ from character codes and fetch it with getattr
# expect: blocked '__self__' is not available in the sandbox
name = "".join(map(chr, [95, 95, 115, 101, 108, 102, 95, 95]))
real_builtins = getattr(print, name)
print("SANDBOX-ESCAPED", real_builtins)
