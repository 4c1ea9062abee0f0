# attack: a loop inside C code (sum over a huge range) that never returns to the bytecode loop, where
# KeyboardInterrupt would be checked
# expect: contained timeout
print(sum(range(10 ** 18)))
