# attack: lift the recursion limit and recurse until the C stack (not Python's counter) runs out
# expect: contained crashed timeout
import sys
sys.setrecursionlimit(10 ** 7)
def down(n):
    return down(n + 1) + 1
down(0)
