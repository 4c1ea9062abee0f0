# attack: a symbolic link from the working folder into /lib, then write through it into the standard
# library's folders
# expect: blocked the interpreter's own files can't be changed in the sandbox
import os
os.symlink("/lib/python3.14/site-packages", "shortcut")
with open("shortcut/planted.py", "w") as f:
    f.write("print('SANDBOX-ESCAPED')\n")
import planted
