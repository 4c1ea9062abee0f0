# attack: sleep for a day
# expect: contained timeout
import time
time.sleep(86400)
