# attack: one line of 50 million characters, with no newline to split it at
# expect: contained ok timeout
print("x" * 50_000_000)
