# attack: a profile function through threading.setprofile_all_threads, which installs it from C
# expect: blocked 'sys.setprofile' is not available in the sandbox
import threading
calls = []
threading.setprofile_all_threads(lambda frame, event, arg: calls.append(frame))
len(str(1))
print("SANDBOX-ESCAPED", len(calls))
