# attack: an exception with a 20-million-character message, reported through the error channel
# expect: contained error
# The runner cuts the message and the formatted traceback (which repeats it) short, below the main
# thread's size limit for a traceback, so the learner gets an ordinary error; were it not cut, the main
# thread would refuse it and replace the interpreter (crashed).
raise ValueError("m" * 20_000_000)
