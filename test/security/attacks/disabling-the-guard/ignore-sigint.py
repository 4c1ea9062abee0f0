# attack: ignore SIGINT so Stop's KeyboardInterrupt never arrives, then never end
# expect: contained timeout
import signal
signal.signal(signal.SIGINT, signal.SIG_IGN)
while True:
    try:
        pass
    except BaseException:
        pass
