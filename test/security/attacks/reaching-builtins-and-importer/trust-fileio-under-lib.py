# attack: io.FileIO and os.rename, not open(), to replace a standard-library module with one of the
# program's, which would then run as the standard library's own
# expect: blocked the interpreter's own files can't be changed in the sandbox
import io
import os
with io.FileIO("/tmp/json_fake.py", "w") as f:
    f.write(b"print('SANDBOX-ESCAPED')\n")
os.rename("/tmp/json_fake.py", "/lib/python3.14/site-packages/json.py")
