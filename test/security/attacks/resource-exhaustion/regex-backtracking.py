# attack: catastrophic regular-expression backtracking, an exponential loop inside the C regex engine
# expect: contained timeout
import re
print(re.match(r"(a+)+$", "a" * 64 + "!"))
