# attack: turtle keeps the function that waits for the page's key presses (and input, for textinput); their
# closures lead to the run's host
# expect: blocked '__closure__' of functions outside the program is not available in the sandbox
from operator import *
import turtle
read = globals()["attr" + "getter"]
for name in ("wait_event", "ask_line", "sleep"):
    function = getattr(turtle._host, name)
    cells = read("__clo" + "sure__")(function)
    print("SANDBOX-ESCAPED", cells)
