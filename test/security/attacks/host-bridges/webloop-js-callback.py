# attack: asyncio's event loop is Pyodide's WebLoop, whose module keeps a JavaScript function
# (scheduleCallback, from Pyodide's JS API) in its globals; read them through inspect, borrowed from
# dataclasses (inspect itself is withheld), whose getmembers reads every attribute with the real getattr
# expect: blocked module 'inspect' is not available in the sandbox \(reached as dataclasses.inspect\)
import asyncio
import dataclasses
members = lambda obj: dict(dataclasses.inspect.getmembers(obj))
loop = asyncio.get_event_loop()
webloop_globals = members(members(loop.call_soon)["__f" + "unc__"])["__glo" + "bals__"]
schedule = webloop_globals["scheduleCallback"]
print("SANDBOX-ESCAPED", schedule)
# A JavaScript function leads to JavaScript's Function constructor, which the CSP refuses.
try:
    schedule.constructor("return fetch('http://127.0.0.1:4190/webloop-js-callback')")()
    print("Function went through")
except Exception as error:
    print("Function refused:", type(error).__name__)
