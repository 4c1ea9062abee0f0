# attack: allowed modules keep withheld ones as plain attributes: traceback.codeop, zipfile.importlib,
# dataclasses.inspect, logging's and pydoc's neighbours
# expect: blocked is not available in the sandbox \(reached as
import dataclasses, traceback, zipfile
for owner, name in ((traceback, "codeop"), (zipfile, "importlib"), (dataclasses, "inspect")):
    try:
        module = getattr(owner, name)
        print("SANDBOX-ESCAPED", module)
    except AttributeError as refusal:
        last = refusal
raise last
