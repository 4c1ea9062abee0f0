# attack: os keeps the real sys as os.sys; its modules table holds every module, withheld or not
# expect: blocked module 'sys' has no attribute 'modules' in the sandbox
from operator import *
import os
import posixpath
for holder in (os, posixpath, os.path):
    modules = globals()["attr" + "getter"]("sys.modu" + "les")(holder)
    print("SANDBOX-ESCAPED", len(modules))
