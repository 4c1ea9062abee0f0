# attack: raise a BaseException subclass that is neither Exception nor SystemExit, and whose reporting
# hooks misbehave (__str__ raises SystemExit, __repr__ raises KeyboardInterrupt)
# expect: contained error
class Escape(BaseException):
    def __str__(self):
        raise SystemExit(0)
    def __repr__(self):
        raise KeyboardInterrupt
raise Escape()
