# attack: copy.copy rebuilds an object by calling what its __reduce_ex__ returns; have it call attrgetter
# (the real getattr) on a standard-library function for its globals
# expect: blocked '__globals__' of functions outside the program is not available in the sandbox
from operator import *
import copy
import json
read = globals()["attr" + "getter"]
class Loot:
    def __reduce_ex__(self, protocol):
        return (read("__glo" + "bals__"), (json.dumps,))
stolen = copy.copy(Loot())
print("SANDBOX-ESCAPED", sorted(stolen)[:5])
