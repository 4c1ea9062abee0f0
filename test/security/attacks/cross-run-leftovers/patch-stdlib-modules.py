# attack: monkeypatch shared modules (math, json, sys.stdout's write) for whatever runs next
# expect: contained ok
import json
import math
import sys
math.pi = 3
json.dumps = lambda *args, **kwargs: "SANDBOX-ESCAPED: patched json"
sys.setrecursionlimit(60)
sys.set_int_max_str_digits(640)
print("patched")
