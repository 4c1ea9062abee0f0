# attack: read __subclasses__ out of type's namespace with vars() instead of attribute syntax
# expect: contained error
subclasses = vars(type)["__subcl" + "asses__"]
print("SANDBOX-ESCAPED", len(subclasses(object)))
