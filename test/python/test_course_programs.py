"""Programs of the kind courses give learners, over the standard library they use, run under the learner
policy with every hardening in place (views, the attribute gate, the audit hook): they must still work."""

from conftest_support import run

PROGRAMS = {
    "collections, itertools, functools": """
from collections import Counter, defaultdict, deque, namedtuple, OrderedDict, ChainMap
import itertools, functools, operator
words = "the cat and the hat and the bat".split()
assert Counter(words).most_common(1) == [("the", 3)]
groups = defaultdict(list)
for w in words:
    groups[len(w)].append(w)
Point = namedtuple("Point", "x y", defaults=[0])
assert Point(1) == Point(1, 0) and Point(1, 2)._replace(x=5).x == 5
assert list(itertools.accumulate([1, 2, 3], operator.mul)) == [1, 2, 6]
assert list(itertools.permutations("ab")) == [("a", "b"), ("b", "a")]
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
assert fib(80) == 23416728348467685
@functools.singledispatch
def describe(x):
    return "thing"
@describe.register
def _(x: int):
    return "int"
assert describe(3) == "int" and describe("a") == "thing"
p = functools.partial(pow, 2)
assert p(10) == 1024 and functools.reduce(operator.add, range(5)) == 10
d = deque(maxlen=2); d.extend([1, 2, 3]); assert list(d) == [2, 3]
assert dict(ChainMap({"a": 1}, {"b": 2})) == {"a": 1, "b": 2}
""",
    "classes, dataclasses, enum, typing, abc": """
from dataclasses import dataclass, field, asdict, replace, fields
from enum import Enum, IntEnum, auto, Flag
from typing import NamedTuple, Optional, Protocol, TypedDict, get_type_hints
import abc
@dataclass(order=True, frozen=True)
class Card:
    rank: int
    suit: str = "spades"
    tags: tuple = field(default=())
assert sorted([Card(3), Card(1)])[0].rank == 1 and asdict(Card(2)) == {"rank": 2, "suit": "spades", "tags": ()}
assert replace(Card(2), suit="hearts").suit == "hearts" and [f.name for f in fields(Card)][0] == "rank"
class Color(Enum):
    RED = auto()
    GREEN = auto()
Animal = Enum("Animal", "CAT DOG")
class Perm(Flag):
    R = 4
    W = 2
assert Color.RED.value == 1 and Animal.DOG.name == "DOG" and (Perm.R | Perm.W).value == 6
class Pair(NamedTuple):
    a: int
    b: Optional[str] = None
assert Pair(1).b is None and get_type_hints(Pair)["a"] is int
class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
class Square(Shape):
    def __init__(self, side): self.side = side
    def area(self): return self.side ** 2
    def __repr__(self): return f"Square({self.side})"
    def __eq__(self, other): return isinstance(other, Square) and other.side == self.side
try:
    Shape()
except TypeError:
    pass
assert Square(3).area() == 9 and repr(Square(2)) == "Square(2)" and vars(Square(4)) == {"side": 4}
class Movie(TypedDict):
    title: str
m: Movie = {"title": "x"}
class Greeter(Protocol):
    def greet(self) -> str: ...
class Account:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner, self._balance = owner, balance
    @property
    def balance(self): return self._balance
    @balance.setter
    def balance(self, value):
        if value < 0: raise ValueError("negative")
        self._balance = value
    @classmethod
    def empty(cls, owner): return cls(owner)
    @staticmethod
    def fee(): return 1
a = Account.empty("ann"); a.balance = 10
assert a.balance == 10 and Account.fee() == 1 and hasattr(a, "owner") and getattr(a, "owner") == "ann"
class Node:
    __slots__ = ("value", "next")
    def __init__(self, value, next=None): self.value, self.next = value, next
assert Node(1, Node(2)).next.value == 2
""",
    "text, numbers, dates": """
import re, string, textwrap, math, random, statistics, fractions, decimal, datetime, time, calendar
assert re.findall(r"\\d+", "a1b22c333") == ["1", "22", "333"] and re.sub(r"(\\w+)@", r"<\\1>", "me@x") == "<me>x"
assert string.ascii_lowercase[:3] == "abc" and string.Template("$a!").substitute(a="hi") == "hi!"
assert textwrap.wrap("aaa bbb ccc", 7) == ["aaa bbb", "ccc"] and textwrap.dedent("  x\\n  y") == "x\\ny"
assert math.isclose(math.sqrt(2) ** 2, 2) and math.comb(5, 2) == 10 and math.gcd(12, 18) == 6
random.seed(1); x = random.randint(1, 6); random.shuffle(l := [1, 2, 3]); random.choice("abc")
assert statistics.mean([1, 2, 3]) == 2 and statistics.median([3, 1, 2]) == 2 and statistics.stdev([1, 2, 3]) == 1
assert fractions.Fraction(1, 3) + fractions.Fraction(1, 6) == fractions.Fraction(1, 2)
assert decimal.Decimal("0.1") + decimal.Decimal("0.2") == decimal.Decimal("0.3")
d = datetime.date(2024, 2, 28) + datetime.timedelta(days=1)
assert d.isoformat() == "2024-02-29" and datetime.datetime(2024, 1, 1).strftime("%A") == "Monday"
assert calendar.isleap(2024) and time.time() > 0 and len(calendar.month(2024, 1)) > 0
print(f"{math.pi:.3f} {1234567:,} {0.5:%} {'x':>5}")
""",
    "files, json, csv, io, pathlib, os": """
import json, csv, io, os, pathlib, tempfile, shutil, glob, zipfile
data = {"name": "Ann", "scores": [1, 2, 3], "ok": True}
with open("data.json", "w") as f:
    json.dump(data, f, indent=2)
with open("data.json") as f:
    assert json.load(f) == data
with open("people.csv", "w", newline="") as f:
    writer = csv.DictWriter(f, fieldnames=["name", "age"])
    writer.writeheader(); writer.writerow({"name": "Bo", "age": 7})
with open("people.csv") as f:
    assert list(csv.DictReader(f)) == [{"name": "Bo", "age": "7"}]
buffer = io.StringIO(); print("hi", file=buffer); assert buffer.getvalue() == "hi\\n"
p = pathlib.Path("notes") / "a.txt"
p.parent.mkdir(exist_ok=True); p.write_text("one\\ntwo\\n")
assert p.read_text().splitlines() == ["one", "two"] and p.suffix == ".txt" and p.exists()
assert pathlib.PurePosixPath("/a/b") == pathlib.PurePosixPath("/a/b") and sorted(pathlib.Path("notes").glob("*.txt"))
assert os.path.join("a", "b") == "a/b" and "data.json" in os.listdir(".") and os.path.exists("people.csv")
with tempfile.TemporaryDirectory() as folder:
    shutil.copy("data.json", folder); assert glob.glob(os.path.join(folder, "*.json"))
with zipfile.ZipFile("z.zip", "w") as z:
    z.writestr("x.txt", "hello")
assert zipfile.ZipFile("z.zip").read("x.txt") == b"hello"
os.remove("data.json"); os.rename("people.csv", "people2.csv"); shutil.rmtree("notes")
""",
    "errors, generators, context managers, closures": """
import contextlib, traceback, sys, copy, pprint, heapq, bisect, array, struct, hashlib, base64, warnings, logging
def gen(n):
    for i in range(n):
        yield i * i
assert sum(gen(4)) == 14 and list(x for x in range(3)) == [0, 1, 2]
@contextlib.contextmanager
def managed():
    yield "in"
with managed() as value:
    assert value == "in"
def counter():
    count = 0
    def bump():
        nonlocal count
        count += 1
        return count
    return bump
c = counter(); c(); assert c() == 2 and c.__name__ == "bump"
try:
    int("x")
except ValueError as error:
    text = "".join(traceback.format_exception(error))
    assert "ValueError" in text
try:
    import json; json.loads("{")
except json.JSONDecodeError:
    traceback.print_exc(file=sys.stdout)
class Fail(Exception):
    pass
try:
    raise Fail("custom")
except Fail as e:
    assert str(e) == "custom"
assert copy.deepcopy({"a": [1]}) == {"a": [1]}
pprint.pprint({"b": 1, "a": 2})
h = [5, 1, 3]; heapq.heapify(h); assert heapq.heappop(h) == 1 and bisect.bisect([1, 3, 5], 4) == 2
assert array.array("i", [1, 2])[1] == 2 and struct.unpack("<I", struct.pack("<I", 7)) == (7,)
assert hashlib.sha256(b"x").hexdigest()[:4] == "2d71" and base64.b64encode(b"hi") == b"aGk="
warnings.warn("careful")
logging.basicConfig(level=logging.INFO); logging.getLogger("course").info("logged")
sys.setrecursionlimit(2000); assert sys.getrecursionlimit() == 2000 and sys.version_info >= (3, 14)
print(sys.argv, sys.platform)
""",
    "unittest": """
import unittest
class TestMath(unittest.TestCase):
    def test_add(self):
        self.assertEqual(1 + 1, 2)
    def test_fails(self):
        self.assertEqual(1, 2)
suite = unittest.defaultTestLoader.loadTestsFromTestCase(TestMath)
result = unittest.TextTestRunner(verbosity=0).run(suite)
assert result.testsRun == 2 and len(result.failures) == 1
""",
    "exec, eval, globals, modules the program writes": """
namespace = {}
exec("def square(x):\\n    return x * x", namespace)
assert namespace["square"](4) == 16 and eval("1 + 2") == 3 and "namespace" in globals()
code = compile("y = 5", "<mine>", "exec"); exec(code); assert y == 5
with open("course_helper.py", "w") as f:
    f.write("def shout(s):\\n    return s.upper() + '!'\\n")
import course_helper as helper
assert helper.shout("hi") == "HI!" and vars(helper)["shout"]("a") == "A!"
import math as m
from math import *
assert sqrt(16) == 4 and m.floor(2.5) == 2 and "sqrt" in dir(m) and type(m).__name__ == "module"
print(repr(m), m.__name__, m.__doc__[:10])
""",
}


def test_course_programs_work_under_the_learner_policy():
    failures = {}
    for title, code in PROGRAMS.items():
        outcome = run(code)
        if outcome != {"kind": "completed"}:
            failures[title] = outcome.get("error", {}).get("traceback", outcome)
    assert not failures, failures
