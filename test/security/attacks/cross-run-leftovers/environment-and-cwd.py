# attack: change the working directory, environment variables and file permissions for a later run
# expect: contained ok
import os
os.environ["leftover"] = "1"
os.environ["PYTHONPATH"] = "/tmp"
os.makedirs("/tmp/elsewhere", exist_ok=True)
os.chdir("/tmp/elsewhere")
with open("math.py", "w") as f:
    f.write("pi = 3\n")
os.chmod("/home/pyodide", 0)
os.umask(0o777)
print("moved to", os.getcwd())
