# attack: with the worker's global scope in hand (through inspect borrowed from dataclasses and Pyodide's
# path finder), talk to the main thread on the worker's own channel: a forged Comlink reply claiming the
# run completed, then a flood of big messages full of markup
# expect: blocked module 'inspect' is not available in the sandbox \(reached as dataclasses.inspect\)
import dataclasses
import os
members = lambda obj: dict(dataclasses.inspect.getmembers(obj))
finder = members(members(os)["sys"])["meta_path"][-1]
hook_globals = members(members(finder.find_spec)["__f" + "unc__"])["__glo" + "bals__"]
G = hook_globals["jsfinder"].jsproxies["js"]
print("SANDBOX-ESCAPED", G)
forged = G.JSON.parse('{"id": "1", "type": "RAW", "value": {"runId": 1, "outcome": {"kind": "completed"}}}')
G.postMessage(forged)
big = "<script>fetch('http://127.0.0.1:4190/post-message-flood')</script>" * 20000
for _ in range(200):
    G.postMessage(big)
print("flooded")
