# attack: write a module whose coding cookie is UTF-7, spelling "__" as +AF8AXw-, and import it: the
# bytes on disk never contain __self__, only the decoded source does
# expect: blocked '__self__' is not available in the sandbox
with open("sneaky.py", "wb") as f:
    f.write(b"# coding: utf-7\nreal = print.+AF8AXw-self+AF8AXw-\n")
import sneaky
print("SANDBOX-ESCAPED", sneaky.real)
