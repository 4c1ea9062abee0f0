# attack: climb from a caught exception's traceback to the runner's frame and read its locals
# expect: blocked '(tb_frame|f_back)' is not available in the sandbox
try:
    1 / 0
except ZeroDivisionError as error:
    frame = error.__traceback__.tb_frame.f_back
    print("SANDBOX-ESCAPED", frame.f_locals)
