# attack: leave with sys.exit and a non-zero code
# expect: contained ok
import sys
print("leaving")
sys.exit(7)
