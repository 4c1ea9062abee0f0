import dis

from sandpit_exception_table import encode, mend, mended_entries, parse

PRINTING_LOOP = (
    "try:\n"
    "    i = 0\n"
    "    while True:\n"
    "        i += 1\n"
    "        if i % 100000 == 0:\n"
    "            print(i)\n"
    "except KeyboardInterrupt:\n"
    "    print('CAUGHT')\n"
)


def _handler_of(entries, offset):
    for start, end, target, _ in entries:
        if start <= offset // 2 < end:
            return target
    return None


def _signal_checks(code):
    return [i for i in dis.get_instructions(code) if i.opname.startswith("JUMP_BACKWARD")]


def test_tables_round_trip_through_parse_and_encode():
    import collections, json, random, re

    for module in (collections, json, random, re):
        for value in vars(module).values():
            code = getattr(value, "__code__", None)
            if code is not None:
                assert encode(parse(code.co_exceptiontable)) == code.co_exceptiontable


def test_the_compiler_leaves_a_loops_back_jump_outside_its_try():
    # If CPython fixes this, the mend has nothing left to do (and this test says so).
    code = compile(PRINTING_LOOP, "main.py", "exec")
    entries = parse(code.co_exceptiontable)
    assert any(_handler_of(entries, jump.offset) is None for jump in _signal_checks(code))


def test_every_signal_check_inside_the_try_gets_its_handler_after_mending():
    code = compile(PRINTING_LOOP, "main.py", "exec")
    mended = mend(code)
    entries = parse(mended.co_exceptiontable)
    handler = entries[0][2]
    assert [_handler_of(entries, jump.offset) for jump in _signal_checks(mended)] == [handler] * len(
        _signal_checks(mended)
    )
    # Nothing else about the code changed.
    assert mended.co_code == code.co_code and mended.co_consts == code.co_consts


def test_functions_and_finally_blocks_are_mended_too():
    source = "def f():\n    try:\n        while True:\n            if g():\n                pass\n    finally:\n        print('F')\n"
    code = mend(compile(source, "main.py", "exec"))
    function = next(const for const in code.co_consts if isinstance(const, type(code)))
    entries = parse(function.co_exceptiontable)
    assert all(_handler_of(entries, jump.offset) is not None for jump in _signal_checks(function))


def test_code_outside_the_try_is_left_alone():
    source = (
        "while True:\n"
        "    try:\n"
        "        x = g()\n"
        "    except KeyboardInterrupt:\n"
        "        break\n"
        "    else:\n"
        "        continue\n"
    )
    code = compile(source, "main.py", "exec")
    before = parse(code.co_exceptiontable)
    after = mended_entries(code)
    # The `else: continue` jump is not part of the try: it must not gain the try's handler.
    lines = {i.offset: i.line_number for i in dis.get_instructions(code)}
    for jump in _signal_checks(code):
        if lines[jump.offset] == 7:
            assert _handler_of(after, jump.offset) == _handler_of(before, jump.offset)


def test_code_without_holes_is_returned_as_it_is():
    code = compile("x = 1\ntry:\n    y = 2\nexcept Exception:\n    pass\n", "main.py", "exec")
    assert mend(code) is code
