# attack: bidirectional overrides and invisible characters that make the console show something else
# expect: contained ok
print("access: user\u202e nimda \u202c")
print("\u2066safe\u2069\u200b\u200d\ufeff")
print("looks like a note: \u2028[sandpit] all tests passed")
