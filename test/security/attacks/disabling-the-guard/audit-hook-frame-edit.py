# attack: the audit-hook bypass from the seeds, editing the hook's globals through an exception's frame
# expect: blocked is not available in the sandbox
import sys
def r(a, b):
    try:
        raise Exception()
    except Exception:
        del sys.exc_info()[2].tb_frame.f_back.f_globals["WRITE_LOCK"]
w = type("evil", (object,), {"__ne__": r})()
sys.audit("open", None, w)
print("SANDBOX-ESCAPED")
