# attack: run a code object the program didn't compile (a standard-library function's), in a namespace of
# the program's choosing
# expect: blocked code objects made outside this program are not available in the sandbox
from operator import *
import json
code = globals()["attr" + "getter"]("__co" + "de__")(json.dumps)
exec(code, {"obj": 1})
print("SANDBOX-ESCAPED")
