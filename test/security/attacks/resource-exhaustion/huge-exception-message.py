# attack: an exception with a 20-million-character message, reported through the error channel
# expect: contained crashed
# Today the runner truncates the message but not the formatted traceback, which repeats it; the main thread
# refuses a traceback over its size limit and replaces the interpreter, so the run is reported as crashed
# (contained, but the learner would be better served by "error" with the message cut short).
raise ValueError("m" * 20_000_000)
