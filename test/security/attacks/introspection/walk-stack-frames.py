# attack: traceback.walk_stack hands out the live frames above the program; read each one's globals with
# a computed attribute name
# expect: blocked 'f_globals' is not available in the sandbox
import traceback
for frame, line in traceback.walk_stack(None):
    namespace = getattr(frame, "f_glo" + "bals")
    print("SANDBOX-ESCAPED", namespace.get("__name__"))
