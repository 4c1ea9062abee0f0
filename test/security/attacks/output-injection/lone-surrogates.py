# attack: text that is not valid Unicode (lone surrogates) and bytes that are not UTF-8 on the way out
# expect: contained error
import sys
sys.stdout.buffer.write(b"\xff\xfe<b>bold</b>\xc0\n")
print("\ud800<i>x</i>")
