# attack: a background thread that keeps printing after the main program returns
# expect: contained error
import threading
import time
def haunt():
    while True:
        print("thread from a previous run")
        time.sleep(0.1)
threading.Thread(target=haunt, daemon=True).start()
print("started")
