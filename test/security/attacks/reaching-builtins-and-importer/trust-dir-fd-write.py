# attack: open the root folder, then create a file under lib/ relative to that descriptor: the path the
# audit event names is relative, so it looks like one in the working folder
# expect: blocked the interpreter's own files can't be changed in the sandbox
import os
root = os.open("/", os.O_RDONLY)
fd = os.open("lib/python3.14/site-packages/planted.py", os.O_WRONLY | os.O_CREAT, dir_fd=root)
os.write(fd, b"print('SANDBOX-ESCAPED')\n")
