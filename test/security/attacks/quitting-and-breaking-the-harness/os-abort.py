# attack: os.abort kills the interpreter from C
# expect: contained crashed
import os
os.abort()
