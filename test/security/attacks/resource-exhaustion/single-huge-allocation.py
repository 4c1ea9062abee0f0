# attack: one allocation far beyond the interpreter's memory limit
# expect: contained error
block = bytearray(2 ** 31 - 1)  # 2 GiB, four times the limit
print(len(block))
