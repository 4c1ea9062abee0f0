# attack: pathlib's classes keep the real posixpath module as a class attribute (Path.parser), and
# posixpath keeps the real os, which keeps the real sys
# expect: blocked module 'sys' has no attribute 'modules' in the sandbox
from operator import *
import pathlib
real_sys = pathlib.Path.parser.os.sys
modules = globals()["attr" + "getter"]("modu" + "les")(real_sys)
print("SANDBOX-ESCAPED", modules["gc"])
