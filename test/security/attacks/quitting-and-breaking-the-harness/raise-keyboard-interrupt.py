# attack: raise KeyboardInterrupt without anyone pressing Stop, hoping the page thinks it was stopped
# expect: contained error
raise KeyboardInterrupt
