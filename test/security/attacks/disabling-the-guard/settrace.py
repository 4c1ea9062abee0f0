# attack: install a trace function, which sees every frame (the runner's included) and may edit f_locals
# expect: blocked 'settrace' is not available in the sandbox
import sys
def tracer(frame, event, arg):
    print("SANDBOX-ESCAPED", frame.f_code.co_filename)
    return tracer
sys.settrace(tracer)
