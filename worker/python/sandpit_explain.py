"""Plain-language help under a traceback, for the errors beginners hit most.

`explain(exc, filename)` returns one or two sentences that name the learner's own line and names and say
what to try, or None when the error is not one we explain. The traceback itself is always shown as Python
wrote it; this only adds to it.

Everything here runs after the learner's program, on objects it made: an object's __repr__, __len__ or
__dir__ may be the learner's code, so only Python's own exception classes are explained, values are only
looked into when they are exactly of a builtin type, and any failure means "no help" (the caller catches
it), never an error of the harness.
"""

import ast
import difflib
import linecache
import re
import sys

from sandpit_module_views import ModuleView

from sandpit_traceback import innermost_learner_entry, instruction_positions

# Long enough for two sentences with a couple of names in them; anything longer is not plain language.
MAX_CHARS = 600
# Names and expressions are quoted up to this many characters.
_MAX_CODE_CHARS = 40
_PLAIN_TYPES = (int, float, bool, str, list, tuple, dict, set, type(None))
_TYPE_WORDS = {
    "str": "text (a str)",
    "int": "a whole number (an int)",
    "float": "a decimal number (a float)",
    "bool": "True or False (a bool)",
    "list": "a list",
    "tuple": "a tuple",
    "dict": "a dictionary",
    "set": "a set",
    "NoneType": "None",
    "function": "a function",
}


def explain(exc, filename):
    """The help for `exc`, raised by the learner's file `filename`, or None."""
    # Only Python's own exception classes: a learner's subclass could answer `name` or `args` with code.
    explainer = _EXPLAINERS.get(type(exc))
    if explainer is None:
        return None
    text = explainer(exc, _Context(exc, filename))
    if not text:
        return None
    return _shorten(text, MAX_CHARS)


class _Context:
    """Where the error happened in the learner's code: the line, the innermost frame, the failing node."""

    def __init__(self, exc, filename):
        self.filename = filename
        # A syntax error happened before anything ran: it has a line, and no frame.
        self.line = getattr(exc, "lineno", None) if isinstance(exc, SyntaxError) else None
        self.frame = None
        self.positions = None
        innermost = innermost_learner_entry(exc, filename)
        if innermost is not None:
            self.frame = innermost.tb_frame
            self.line = innermost.tb_lineno
            self.positions = instruction_positions(innermost.tb_frame.f_code, innermost.tb_lasti)
        self._tree = None

    def where(self):
        return f"Line {self.line}" if self.line else "Your program"

    def node(self, *kinds):
        """The expression Python was evaluating when it failed, if it is one of `kinds`."""
        if self.positions is None:
            return None
        line, end_line, col, end_col = self.positions
        if None in (line, end_line, col, end_col):
            return None
        for node in ast.walk(self.tree()):
            if (
                isinstance(node, kinds)
                and node.lineno == line
                and node.end_lineno == end_line
                and node.col_offset == col
                and node.end_col_offset == end_col
            ):
                return node
        return None

    def tree(self):
        if self._tree is None:
            try:
                self._tree = ast.parse("".join(linecache.getlines(self.filename)))
            except (SyntaxError, ValueError):
                self._tree = ast.Module(body=[], type_ignores=[])
        return self._tree

    def value_of(self, node):
        """The value of a plain name in the failing frame, when it is of a builtin type; else None."""
        if self.frame is None or not isinstance(node, ast.Name):
            return None
        for scope in (self.frame.f_locals, self.frame.f_globals):
            if node.id in scope:
                value = scope[node.id]
                return value if type(value) in _PLAIN_TYPES else None
        return None

    def names_in_scope(self):
        if self.frame is None:
            return set()
        names = set(self.frame.f_locals) | set(self.frame.f_globals) | set(self.frame.f_builtins)
        return {name for name in names if isinstance(name, str) and not name.startswith("__")}


def _code(node_or_text):
    text = node_or_text if isinstance(node_or_text, str) else ast.unparse(node_or_text)
    return _shorten(" ".join(text.split()), _MAX_CODE_CHARS)


def _show(value):
    """A short repr of a builtin value."""
    if type(value) not in _PLAIN_TYPES:
        return None
    return _shorten(repr(value), _MAX_CODE_CHARS)


def _shorten(text, limit):
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _type_words(type_name):
    return _TYPE_WORDS.get(type_name, f"a {type_name}")


def _closest(word, candidates):
    """The candidate a typo most likely meant: same letters in another case first, then the nearest."""
    candidates = sorted(set(candidates) - {word})
    for candidate in candidates:
        if candidate.lower() == word.lower():
            return candidate
    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)
    return matches[0] if matches else None


# --- names -----------------------------------------------------------------------------------------


_QUOTED_NAME = re.compile(r"[^']*'(\w+)'.*")


def _missing_name(exc):
    """The name a NameError is about: its `name`, which Python leaves None for a local read too early."""
    name = getattr(exc, "name", None)
    if isinstance(name, str):
        return name
    match = _QUOTED_NAME.fullmatch(str(exc))
    return match.group(1) if match else None


def _unbound_local(exc, context):
    name = _missing_name(exc)
    if name is None:
        return None
    function = context.frame.f_code.co_name if context.frame else "the function"
    return (
        f"{context.where()} uses {name} before it has a value. {name} is assigned somewhere inside "
        f"{function}(), which makes it a local variable of the whole function, even where it is read "
        f"before that assignment. If you meant the {name} outside the function, pass it in as an "
        f"argument and return the new value."
    )


def _name_error(exc, context):
    name = _missing_name(exc)
    if name is None:
        return None
    where = context.where()
    suggestion = _closest(name, context.names_in_scope() | {"True", "False", "None"})
    if suggestion is not None:
        return (
            f"{where} uses the name {name}, which Python doesn't know. Did you mean {suggestion}? "
            f"Names must be spelt exactly as they were defined, capital letters included."
        )
    if name in sys.stdlib_module_names:
        return f"{where} uses {name}, which is a module: add import {name} at the top of your program."
    return (
        f"{where} uses the name {name} before anything was assigned to it. Give it a value first "
        f"(for example {name} = 0), check its spelling, or, if you meant the text {name}, put it in "
        f'quotes: "{name}".'
    )


# --- types -----------------------------------------------------------------------------------------

_CONCATENATE = re.compile(r'can only concatenate (\w+) \(not "(\w+)"\) to \w+')
_OPERAND = re.compile(r"unsupported operand type\(s\) for ([^:]+): '(\w+)' and '(\w+)'")
_COMPARE = re.compile(r"'([<>=!]+)' not supported between instances of '(\w+)' and '(\w+)'")
_NOT_CALLABLE = re.compile(r"'(\w+)' object is not callable")
_TOO_MANY = re.compile(r"(\w+)\(\) takes (.+?) positional arguments? but (\d+) (?:was|were) given")
_MISSING = re.compile(r"(\w+)\(\) missing (\d+) required (?:positional |keyword-only )?arguments?: (.+)")
_UNEXPECTED_KEYWORD = re.compile(r"(\w+)\(\) got an unexpected keyword argument '(\w+)'")
_NOT_SUBSCRIPTABLE = re.compile(r"'(\w+)' object is not subscriptable")
_NOT_ITERABLE = re.compile(r"'(\w+)' object is not iterable")
_NO_ITEM_ASSIGNMENT = re.compile(r"'(str|tuple)' object does not support item assignment")
_NO_LEN = re.compile(r"object of type '(\w+)' has no len\(\)")
_NUMBERS = {"int", "float"}


def _mixed_text_and_number(types):
    return "str" in types and bool(_NUMBERS & set(types))


def _operands(context):
    node = context.node(ast.BinOp, ast.AugAssign, ast.Compare)
    if isinstance(node, ast.BinOp):
        return node.left, node.right
    if isinstance(node, ast.AugAssign):
        return node.target, node.value
    if isinstance(node, ast.Compare) and len(node.comparators) == 1:
        return node.left, node.comparators[0]
    return None


def _type_error(exc, context):
    message = str(exc)
    where = context.where()
    operands = _operands(context)
    names = f" ({_code(operands[0])} and {_code(operands[1])})" if operands else ""
    if match := _CONCATENATE.fullmatch(message):
        types = ["str", match.group(2)]
        operator = "+"
    elif match := _OPERAND.fullmatch(message):
        types = [match.group(2), match.group(3)]
        operator = match.group(1).strip()
    else:
        types = operator = None
    if types is not None:
        if _mixed_text_and_number(types):
            number = next((t for t in types if t in _NUMBERS), "int")
            return (
                f"{where} combines text and a number with {operator}{names}. Python won't guess which you "
                f"mean: turn the number into text with str(...) to join them, or the text into a number "
                f"with {number}(...) to do arithmetic."
            )
        return (
            f"{where} uses {operator} on {_type_words(types[0])} and {_type_words(types[1])}{names}, "
            f"which {operator} can't combine. Check what each one holds at this point."
        )
    if match := _COMPARE.fullmatch(message):
        types = [match.group(2), match.group(3)]
        hint = (
            " input() always gives text: turn it into a number with int(...) before comparing."
            if _mixed_text_and_number(types)
            else ""
        )
        return (
            f"{where} compares {_type_words(types[0])} with {_type_words(types[1])} using "
            f"{match.group(1)}{names}, and Python can't order those.{hint}"
        )
    if match := _NOT_CALLABLE.fullmatch(message):
        call = context.node(ast.Call)
        called = f"{_code(call.func)} is {_type_words(match.group(1))}" if call else (
            f"the value is {_type_words(match.group(1))}"
        )
        return (
            f"{where} calls something that is not a function: {called}, and ( right after a value "
            f"means a call. Look for a missing operator (2 * (x + 1), not 2(x + 1)) or a variable that "
            f"reuses a function's name."
        )
    if match := _TOO_MANY.fullmatch(message):
        function, takes, given = match.groups()
        return (
            f"{where} calls {function}() with {given} argument{'s' if given != '1' else ''}, but it takes "
            f"{takes}. Compare the call with the def line of {function}; for a method, self counts as one."
        )
    if match := _MISSING.fullmatch(message):
        function, count, which = match.groups()
        return (
            f"{where} calls {function}() without {which}: it needs {count} more "
            f"argument{'s' if count != '1' else ''}. Pass a value for each name on its def line."
        )
    if match := _UNEXPECTED_KEYWORD.fullmatch(message):
        function, argument = match.groups()
        return f"{where} passes {argument}= to {function}(), which has no parameter called {argument}. Check its spelling."
    if match := _NOT_SUBSCRIPTABLE.fullmatch(message):
        return (
            f"{where} uses [ ] on {_type_words(match.group(1))}, which has no items to pick from. "
            f"If you meant to call a function, use ( ) instead."
        )
    if match := _NOT_ITERABLE.fullmatch(message):
        hint = " To count up to a number, loop over range(n)." if match.group(1) in _NUMBERS else ""
        return f"{where} loops over {_type_words(match.group(1))}, which holds no items to go through.{hint}"
    if match := _NO_ITEM_ASSIGNMENT.fullmatch(message):
        return (
            f"{where} changes one item of {_type_words(match.group(1))}, which can't be changed once made. "
            f"Make a new one instead (for text: replace(), or slices joined with +), or use a list."
        )
    if match := _NO_LEN.fullmatch(message):
        return f"{where} asks for the len() of {_type_words(match.group(1))}, which has no items to count."
    return None


# --- values ----------------------------------------------------------------------------------------

_INVALID_INT = re.compile(r"invalid literal for int\(\) with base \d+: (.*)", re.DOTALL)
_INVALID_FLOAT = re.compile(r"could not convert string to float: (.*)", re.DOTALL)


def _value_error(exc, context):
    message = str(exc)
    where = context.where()
    if match := _INVALID_INT.fullmatch(message):
        text = _code(match.group(1))
        decimal = " For a number with a decimal point, use float(...)." if "." in text else ""
        return (
            f"{where} asks int() to turn the text {text} into a whole number, but it isn't one. If it "
            f"came from input(), check what was typed (spaces and letters count).{decimal}"
        )
    if match := _INVALID_FLOAT.fullmatch(message):
        return (
            f"{where} asks float() to turn the text {_code(match.group(1))} into a number, but it isn't "
            f"one. If it came from input(), check what was typed."
        )
    if message.startswith(("too many values to unpack", "not enough values to unpack")):
        return (
            f"{where} unpacks values into names (a, b = ...) but the number of names and values differ. "
            f"Make them the same."
        )
    return None


def _index_error(exc, context):
    message = str(exc)
    where = context.where()
    if "out of range" not in message:
        if message.startswith("pop from empty"):
            return f"{where} takes an item out of an empty list with pop(). Check that it has items first."
        return None
    node = context.node(ast.Subscript)
    if node is None:
        return f"{where} asks for a position that doesn't exist. Positions start at 0, so the last one is len(...) - 1."
    container = _code(node.value)
    index = _code(node.slice)
    value = context.value_of(node.value)
    if type(value) in (list, str, tuple):
        size = len(value)
        if size == 0:
            return f"{where} asks {container} for position {index}, but {container} is empty."
        return (
            f"{where} asks {container} for position {index}, but {container} has {size} "
            f"item{'s' if size != 1 else ''}, at positions 0 to {size - 1}. Positions start at 0, so the "
            f"last one is len({container}) - 1."
        )
    return (
        f"{where} asks {container} for position {index}, which it doesn't have. Positions start at 0, "
        f"so the last one is len({container}) - 1."
    )


def _key_error(exc, context):
    if len(exc.args) != 1:
        return None
    key = _show(exc.args[0])
    if key is None:
        return None
    where = context.where()
    node = context.node(ast.Subscript)
    container = _code(node.value) if node is not None else "the dictionary"
    hint = ""
    dictionary = context.value_of(node.value) if node is not None else None
    if type(dictionary) is dict and type(exc.args[0]) is str:
        keys = [k for k in dictionary if type(k) is str]
        close = _closest(exc.args[0], keys)
        if close is not None:
            hint = f" It does have {close!r}: keys must match exactly, capital letters included."
    return (
        f"{where} looks up the key {key} in {container}, which has no such key.{hint} To look up a key "
        f"that may be missing, test it first (if {key} in {container}:) or use {container}.get({key})."
    )


# Methods learners bring from other languages, and what Python says instead.
_OTHER_LANGUAGES = {
    ("list", "push"): "Python's name for it is .append.",
    ("list", "add"): "Python's name for it is .append.",
    ("list", "length"): "Python writes that as len(...).",
    ("str", "length"): "Python writes that as len(...).",
    ("str", "toUpperCase"): "Python's name for it is .upper.",
    ("str", "toLowerCase"): "Python's name for it is .lower.",
    ("str", "trim"): "Python's name for it is .strip.",
    ("str", "contains"): "Python writes that as: part in text.",
}


def _attribute_error(exc, context):
    name = getattr(exc, "name", None)
    if not isinstance(name, str):
        return None
    where = context.where()
    obj = getattr(exc, "obj", None)
    type_name = type(obj).__name__
    if obj is None and str(exc).startswith("'NoneType' object"):
        return (
            f"{where} uses .{name} on None. A value is None when it came from a function that returns "
            f"nothing, such as list.sort() or list.append(), which change the list and give back None."
        )
    if type(obj) is type(sys) or type(obj) is ModuleView:
        # A module's own names, read off its __dict__ (a view's filtered one): dir() would call a
        # module-level __dir__.
        names = list(obj.__dict__)
    elif obj is not None and type(obj) in _PLAIN_TYPES:
        names = dir(type(obj))
    else:
        return None
    suggestion = _OTHER_LANGUAGES.get((type_name, name))
    if suggestion is None:
        close = _closest(name, [n for n in names if isinstance(n, str) and not n.startswith("_")])
        suggestion = f"Did you mean .{close}?" if close else ""
    suggestion = f" {suggestion}" if suggestion else ""
    return f"{where} uses .{name}, but {_type_words(type_name)} has no {name}.{suggestion}"


def _zero_division(exc, context):
    node = context.node(ast.BinOp, ast.AugAssign)
    where = context.where()
    if isinstance(node, ast.BinOp):
        divisor = _code(node.right)
        return (
            f"{where} divides by {divisor}, which is 0 here: dividing by zero has no answer. Check it "
            f"before dividing (if {divisor} != 0:)."
        )
    return f"{where} divides by zero, which has no answer. Check the divisor before dividing."


def _recursion(exc, context):
    function = context.frame.f_code.co_name if context.frame else None
    name = f"{function}()" if function and function != "<module>" else "A function"
    return (
        f"{name} kept calling itself and never stopped. A recursive function needs a case that returns "
        f"without calling itself, and every call must get closer to that case."
    )


# --- syntax ----------------------------------------------------------------------------------------

_NEVER_CLOSED = re.compile(r"'(.)' was never closed")
_UNMATCHED = re.compile(r"unmatched '(.)'")
_MISMATCHED = re.compile(r"closing parenthesis '(.)' does not match opening parenthesis '(.)'.*")
_EXPECTED_BLOCK = re.compile(r"expected an indented block after (.+) on line (\d+)")
_INVALID_CHARACTER = re.compile(r"invalid character '(.)' \(U\+[0-9A-F]+\)")
_CLOSERS = {"(": ")", "[": "]", "{": "}"}
_CURLY = "“”‘’"


def _tab_error(exc, context):
    return (
        f"Line {exc.lineno} is indented with a mix of tabs and spaces, which Python can't line up. "
        f"Indent with spaces only, the same number on every line of a block."
    )


def _indentation_error(exc, context):
    message = exc.msg or ""
    line = exc.lineno
    if match := _EXPECTED_BLOCK.fullmatch(message):
        return (
            f"The lines that belong to the {match.group(1)} on line {match.group(2)} must be indented "
            f"under it (4 spaces is usual); line {line} isn't."
        )
    if message == "unexpected indent":
        return (
            f"Line {line} is indented further than the line before it, but nothing there starts a block. "
            f"Line it up with the lines around it."
        )
    if message.startswith("unindent does not match"):
        return (
            f"Line {line} is indented by an amount no line above it uses. Indent it exactly as far as "
            f"the other lines of its block."
        )
    return None


def _syntax_error(exc, context):
    message = exc.msg or ""
    line = exc.lineno
    at = f"Line {line}" if line else "Your program"
    if message.startswith("Missing parentheses in call to 'print'"):
        return f'{at}: print is a function in Python 3, so what it prints goes in parentheses: print("hello").'
    if message == "expected ':'":
        return (
            f"{at} starts a block (if, elif, else, for, while, def, class…) and needs a colon : at its end."
        )
    if "Maybe you meant '==' " in message or message.endswith("Maybe you meant '==' instead of '='?"):
        return f"{at}: to compare two values use == (two equals signs). A single = stores a value in a name."
    if match := _NEVER_CLOSED.fullmatch(message):
        opener = match.group(1)
        return f"The {opener} opened on line {line} is never closed: add the matching {_CLOSERS.get(opener, opener)}."
    if match := _UNMATCHED.fullmatch(message):
        return f"{at} has a {match.group(1)} that closes nothing: remove it, or add the bracket it should close."
    if match := _MISMATCHED.fullmatch(message):
        closer, opener = match.groups()
        return f"{at} closes a {opener} with {closer}: brackets must close in the same shape, {opener} with {_CLOSERS.get(opener, opener)}."
    if message.startswith("unterminated string literal"):
        return f"The text on line {line} starts with a quote mark but never ends: add the same quote at its end."
    if message.startswith("unterminated triple-quoted string"):
        return f'The text that starts with three quotes on line {line} is never closed: end it with the same three quotes.'
    if match := _INVALID_CHARACTER.fullmatch(message):
        character = match.group(1)
        if character in _CURLY:
            return (
                f"{at} has a curly quote {character}, which usually comes from copying text out of a "
                f"document. Type straight quotes \" or ' instead."
            )
        return f"{at} has the character {character}, which Python code can't contain outside quotes."
    if message == "invalid syntax. Perhaps you forgot a comma?":
        return f"{at} has two values side by side: separate the items of a list or a call with commas."
    if message == "invalid decimal literal":
        return f"{at} has a number run into letters. Names can't start with a digit (score2, not 2score)."
    if message in ("'return' outside function", "'break' outside loop", "'continue' not properly in loop"):
        statement = message.split("'")[1]
        owner = "a function" if statement == "return" else "a loop"
        return f"{at} uses {statement}, which only works inside {owner}. Check its indentation."
    return None


_EXPLAINERS = {
    UnboundLocalError: _unbound_local,
    NameError: _name_error,
    TypeError: _type_error,
    ValueError: _value_error,
    IndexError: _index_error,
    KeyError: _key_error,
    AttributeError: _attribute_error,
    ZeroDivisionError: _zero_division,
    RecursionError: _recursion,
    TabError: _tab_error,
    IndentationError: _indentation_error,
    SyntaxError: _syntax_error,
}
