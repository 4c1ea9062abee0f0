# attack: a big-integer computation and its conversion to decimal, both inside C (the digit limit lifted)
# expect: contained timeout
import sys
sys.set_int_max_str_digits(0)
n = 7 ** (10 ** 8)
print(len(str(n)))
