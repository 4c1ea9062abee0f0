# attack: time.sleep, input and sys.stdin's reader close over the run's host; read their closure cells
# expect: blocked '__closure__' of functions outside the program is not available in the sandbox
from operator import *
import sys, time
read = globals()["attr" + "getter"]
for function in (time.sleep, input, sys.stdin._read_line):
    cells = read("__clo" + "sure__")(function)
    print("SANDBOX-ESCAPED", cells)
