# attack: walk from a generator's frame to the frames that called it (the runner) and their globals
# expect: blocked 'gi_frame' is not available in the sandbox
def gen():
    yield 1
g = gen()
next(g)
frame = g.gi_frame
while frame is not None:
    print("SANDBOX-ESCAPED", frame.f_globals.get("__name__"))
    frame = frame.f_back
