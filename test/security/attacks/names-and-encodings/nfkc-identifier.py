# attack: spell a gadget attribute with fullwidth letters that NFKC-normalise to __subclasses__
# expect: blocked '__subclasses__' is not available in the sandbox
classes = object.__ｓｕｂｃｌａｓｓｅｓ__()
print("SANDBOX-ESCAPED", len(classes))
