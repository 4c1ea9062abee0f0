# attack: memory that grows slowly, a megabyte at a time, until something gives
# expect: contained error timeout
hoard = []
while True:
    hoard.append(bytearray(1 << 20))
