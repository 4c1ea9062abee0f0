# attack: attrgetter from a star import reads any attribute with the real getattr: the globals, builtins and
# closure of standard-library functions
# expect: blocked of functions outside the program is not available in the sandbox
from operator import *
import copy, json
read = globals()["attr" + "getter"]
last = None
for target, name in ((json.dumps, "__glo" + "bals__"), (copy.deepcopy, "__buil" + "tins__"),
                     (json.dumps, "__clo" + "sure__")):
    try:
        value = read(name)(target)
        print("SANDBOX-ESCAPED", name, type(value))
    except AttributeError as refusal:
        last = refusal
raise last
