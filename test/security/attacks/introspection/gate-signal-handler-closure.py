# attack: the SIGINT handler the sandbox installs closes over the worker's host function; read its
# closure cells with a helper that calls the real getattr (inspect.getclosurevars, borrowed)
# expect: blocked of functions outside the program is not available in the sandbox
import signal
from operator import *
read = globals()["attr" + "getter"]
handler = signal.getsignal(signal.SIGINT)
cells = read("__clo" + "sure__")(handler)
contents = [read("cell_contents")(cell) for cell in cells]
print("SANDBOX-ESCAPED", contents)
