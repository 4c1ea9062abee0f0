# attack: input and time.sleep were bound methods of the object that holds the worker's host; their
# __self__ would hand it over
# expect: blocked 'function' object has no attribute '__self__'
from operator import *
import time
read = globals()["attr" + "getter"]
for function in (input, time.sleep):
    holder = read("__se" + "lf__")(function)
    print("SANDBOX-ESCAPED", holder)
