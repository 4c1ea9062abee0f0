# attack: leave a module that shadows the standard library in the working directory for the next run
# expect: contained ok
with open("math.py", "w") as f:
    f.write("print('SANDBOX-ESCAPED: my math ran in a later run')\n")
with open("random.py", "w") as f:
    f.write("print('SANDBOX-ESCAPED: my random ran in a later run')\n")
print("planted")
