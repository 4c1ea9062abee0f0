# attack: unbounded recursion through __repr__ and C code (repr of a list containing the object)
# expect: contained crashed
class Loop:
    def __repr__(self):
        return repr([self])
print(Loop())
