# attack: threading.settrace_all_threads installs a tracer for us, without naming a denied attribute
# expect: blocked 'sys.settrace' is not available in the sandbox
import threading
frames = []
def tracer(frame, event, arg):
    frames.append(frame)
    return tracer
threading.settrace_all_threads(tracer)
print("SANDBOX-ESCAPED", len(frames))
