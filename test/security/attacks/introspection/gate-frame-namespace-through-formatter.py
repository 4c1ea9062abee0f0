# attack: from a caught exception, walk tb_frame.f_back with string.Formatter (real getattr) to the
# frame of the sandbox's runner, and read its globals and locals (the worker's host object is a local)
# expect: contained ok
import string
class Grab(string.Formatter):
    def format_field(self, value, spec):
        self.value = value
        return ""
def walk(obj, path):
    grab = Grab()
    grab.format("{0." + path + "}", obj)
    return grab.value
try:
    1 / 0
except ZeroDivisionError as error:
    frame = walk(error, "__traceback__.tb_frame")
runner = frame
while walk(runner, "f_back") is not None:
    runner = walk(runner, "f_back")
names = dict(walk(runner, "f_glo" + "bals")) | dict(walk(runner, "f_loc" + "als"))
if names:
    print("SANDBOX-ESCAPED", sorted(names)[:10])
print("the runner's frame shows", len(names), "names")
