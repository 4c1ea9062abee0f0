# attack: give a standard-library function the program's own code (functools.update_wrapper sets
# __code__ with the real setattr), so that json's own machinery later runs code of the program's choosing
# with json's globals
# expect: blocked '__code__' of functions outside the program is not available in the sandbox
import functools
import json
def mine(*args, **kwargs):
    return "SANDBOX-ESCAPED"
functools.update_wrapper(json.dumps, mine, assigned=("__co" + "de__",), updated=())
print(json.dumps({}))
