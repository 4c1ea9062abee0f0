"""Format (worker/python/sandpit_format.py): the standard layout, comments and strings kept, meaning kept."""

from sandpit_format import format_source
from test_course_programs import PROGRAMS


def test_a_messy_program_is_laid_out_in_the_standard_style():
    messy = (
        "import math,random\ndef area( r ):\n  return math.pi*r**2\nclass Shape :\n"
        "\tdef __init__(self,name,sides = 3):\n\t\tself.name=name # the name\n"
        "\tdef describe(self)->str:\n\t\treturn f\"{self.name} has {self.sides} sides\"\n"
        "x=[1,2,3]\ny = { 'a':1,'b' :2 }\nz = x[1:2] + x[ : : -1]\nprint(area(2),-x[0],  not True)\n"
        "values = list(map(lambda v=1:v*2, x))\nresult = print(1, sep = '-', *x)\n#note\n"
    )
    assert format_source(messy) == (
        "import math, random\n\n\ndef area(r):\n    return math.pi * r ** 2\n\n\nclass Shape:\n"
        "    def __init__(self, name, sides=3):\n        self.name = name  # the name\n\n"
        "    def describe(self) -> str:\n        return f\"{self.name} has {self.sides} sides\"\n\n\n"
        "x = [1, 2, 3]\ny = {'a': 1, 'b': 2}\nz = x[1:2] + x[::-1]\nprint(area(2), -x[0], not True)\n"
        "values = list(map(lambda v=1: v * 2, x))\nresult = print(1, sep='-', *x)\n# note\n"
    )


def test_annotated_defaults_keep_their_spaces_and_continuation_lines_move_with_their_block():
    assert format_source("def f(a: int=1, b=2):\n  return a\n") == "def f(a: int = 1, b=2):\n    return a\n"
    code = "if True:\n  items = [\n    1,\n    2,\n  ]\n"
    assert format_source(code) == "if True:\n    items = [\n        1,\n        2,\n    ]\n"


def test_formatting_is_stable_and_never_changes_what_a_program_means():
    for title, code in PROGRAMS.items():
        formatted = format_source(code)
        assert formatted is not None, title
        assert format_source(formatted) == formatted, title


def test_code_that_does_not_parse_is_not_formatted():
    assert format_source('print("unfinished"\n') is None
    assert format_source("def f(:\n") is None
