# attack: NUL, carriage return, backspace, form feed and other C0/C1 control characters in the output
# expect: contained ok
print("before\x00after\rOVERWRITE\b\b\x0c\x0b\x1a\x7f\x85\x9b")
print("".join(chr(c) for c in range(32)))
