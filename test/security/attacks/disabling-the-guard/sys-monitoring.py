# attack: sys.monitoring (PEP 669), the trace hook that is not sys.settrace, through the real sys that the
# os module holds: its callbacks receive the code objects of every function that runs, the sandbox's own too
# expect: blocked module 'sys' has no attribute 'monitoring' in the sandbox
import os
monitoring = os.sys.monitoring
seen = []
monitoring.use_tool_id(3, "spy")
monitoring.register_callback(3, monitoring.events.PY_START, lambda code, offset: seen.append(code))
monitoring.set_events(3, monitoring.events.PY_START)
import json
json.dumps({"a": 1})
monitoring.set_events(3, 0)
print("SANDBOX-ESCAPED", sorted({code.co_filename for code in seen}))
