# attack: os._exit skips Python's cleanup and ends the Emscripten runtime under the worker
# expect: contained ok
import os
print("leaving hard")
os._exit(3)
