# attack: an exception whose __str__ never returns, so reporting the error hangs the runner
# expect: contained timeout
class Endless(Exception):
    def __str__(self):
        while True:
            pass
raise Endless()
