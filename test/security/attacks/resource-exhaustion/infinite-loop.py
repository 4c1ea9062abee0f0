# attack: a Python-level infinite loop
# expect: contained timeout
while True:
    pass
