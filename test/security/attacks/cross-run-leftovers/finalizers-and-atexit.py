# attack: atexit handlers, weakref finalizers and __del__ on objects kept alive in a reference cycle, all
# meant to print after the program has ended
# expect: contained ok
import atexit
import weakref
atexit.register(print, "atexit handler from a previous run")
class Ghost:
    def __del__(self):
        print("__del__ from a previous run")
ghost = Ghost()
ghost.cycle = ghost
weakref.finalize(ghost, print, "finalizer from a previous run")
import sys
sys.stdin.keep = ghost  # reachable from a process-wide object, so not collected with the namespace
print("armed")
