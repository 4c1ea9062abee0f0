# attack: markup in a warning's message and category name, printed by the warnings machinery on stderr
# expect: contained ok
import warnings
class Markup(UserWarning):
    pass
Markup.__name__ = '<a href="javascript:fetch(\'http://127.0.0.1:4190/warning\')">'
warnings.warn('<img src=x onerror="fetch(\'http://127.0.0.1:4190/warning\')">', Markup)
