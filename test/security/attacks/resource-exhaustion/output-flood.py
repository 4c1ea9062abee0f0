# attack: print without end, as fast as possible, on both streams
# expect: contained timeout
import sys
line = "flood " * 100
while True:
    print(line)
    sys.stderr.write(line + "\n")
