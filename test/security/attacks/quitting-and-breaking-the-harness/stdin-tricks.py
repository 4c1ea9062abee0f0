# attack: close sys.stdin and the file descriptor under it, then read from both (input() would wait for the
# learner's typing, which no time limit counts, so this attack stays away from it)
# expect: contained error
import os
import sys
sys.stdin.close()
os.close(0)
print(os.read(0, 10))
