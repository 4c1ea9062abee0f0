# attack: exit() with a code object that is neither None nor an int, whose __str__ raises again
# expect: contained ok
class Code:
    def __str__(self):
        raise SystemExit(Code())
exit(Code())
