# attack: close stdout, stderr and the file descriptors under them, then print and fail
# expect: contained error
import os
import sys
sys.stdout.close()
sys.stderr.close()
os.close(1)
os.close(2)
print("anyone there?")
