# attack: asyncio's event loop is Pyodide's WebLoop, whose module keeps JavaScript functions in its
# globals; reach them from a bound method of the loop
# expect: blocked '__globals__' of functions outside the program is not available in the sandbox
from operator import *
import asyncio
read = globals()["attr" + "getter"]
loop = asyncio.get_event_loop()
webloop_globals = read("call_soon.__fu" + "nc__.__glo" + "bals__")(loop)
print("SANDBOX-ESCAPED", webloop_globals["scheduleCallback"])
