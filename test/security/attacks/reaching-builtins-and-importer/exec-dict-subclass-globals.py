# attack: exec with a dict subclass that claims to hold __builtins__ but doesn't, so CPython fills in the
# builtins of the frame calling the real exec: the sandbox's own exec, whose builtins are the real ones
# expect: blocked globals other than a plain dict with str keys are not available in the sandbox
class Liar(dict):
    def __contains__(self, key):
        return True

namespace = Liar()
source = "import gc\nprint('SANDBOX-" + "ESCAPED', gc)"
exec(source, namespace)
