# attack: markup and a javascript: link in an exception's type name and message (the error report path)
# expect: contained error
class Markup(Exception):
    pass
Markup.__name__ = "<img src=x onerror=\"fetch('http://127.0.0.1:4190/exception-type')\">"
raise Markup('<a href="javascript:fetch(\'http://127.0.0.1:4190/exception\')">details</a>')
