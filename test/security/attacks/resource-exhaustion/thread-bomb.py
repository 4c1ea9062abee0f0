# attack: start threads that start threads
# expect: contained error
import threading
def spawn():
    while True:
        threading.Thread(target=spawn).start()
spawn()
