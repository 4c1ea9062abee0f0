# attack: replace sys.stdout and sys.stderr with objects whose write and flush raise or return nonsense
# expect: contained error
import sys
class Broken:
    def write(self, text):
        raise KeyboardInterrupt
    def flush(self):
        raise SystemExit(1)
sys.stdout = Broken()
sys.stderr = Broken()
sys.__stdout__ = None
print("lost")
