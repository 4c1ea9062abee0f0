# attack: a plain dict for exec's globals, but its one key is a str subclass whose __eq__ says "this is
# __builtins__" to the sandbox's check and "it isn't" to CPython, which then fills in the real builtins
# expect: blocked globals other than a plain dict with str keys are not available in the sandbox
class Key(str):
    answers = iter([True])
    def __eq__(self, other):
        return next(Key.answers, False)
    __hash__ = str.__hash__

namespace = {Key("__builtins__"): None}
source = "import gc\nprint('SANDBOX-" + "ESCAPED', gc)"
exec(source, namespace)
