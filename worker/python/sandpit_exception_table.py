"""Mends a CPython 3.14 compiler bug that lets KeyboardInterrupt escape `try` blocks, so Stop stays gentle.

CPython finds the `except`/`finally` handler of an instruction through the code object's exception table.
For some loop shapes the compiler leaves jump instructions out of the table: in

    try:
        while True:
            i += 1
            if i % 100000 == 0:
                print(i)
    except KeyboardInterrupt:
        print("CAUGHT")

the `JUMP_BACKWARD` that closes the loop after the `if` has no handler (`dis` shows a hole in the
table). Those jumps are exactly where CPython checks for pending signals, so the KeyboardInterrupt that
Stop raises lands there most of the time and leaves the program without running its `except` or
`finally` blocks (python/cpython#130279 and #148278 are of this family). Measured in the browser: a
counting loop that prints every 100 000 iterations lost its `finally` output on every Stop.

The mend is narrow. A hole is filled only when it lies between two table entries for the same handler
(same target, stack depth and lasti flag), holds nothing but instructions that cannot raise except by
a signal check (jumps, NOP, NOT_TAKEN), and every line it is on lies within the lines the two entries
cover. Code that really is outside the `try` (an `else:` clause, the code after the statement) contains
other instructions or other lines, and is left as the compiler made it.
"""

import dis

# Instructions that raise only when the eval breaker finds a pending signal: safe to protect.
_SIGNAL_ONLY = frozenset({
    "NOP", "NOT_TAKEN", "EXTENDED_ARG", "JUMP_BACKWARD", "JUMP_BACKWARD_NO_INTERRUPT", "JUMP_FORWARD",
    "POP_JUMP_IF_TRUE", "POP_JUMP_IF_FALSE", "POP_JUMP_IF_NONE", "POP_JUMP_IF_NOT_NONE",
})


def _read_varint(data, index):
    byte = data[index]
    value = byte & 63
    index += 1
    while byte & 64:
        byte = data[index]
        value = (value << 6) | (byte & 63)
        index += 1
    return value, index


def parse(table):
    """Entries of an exception table as (start, end, target, depth_lasti), in code units (2 bytes)."""
    entries = []
    index = 0
    while index < len(table):
        start, index = _read_varint(table, index)
        length, index = _read_varint(table, index)
        target, index = _read_varint(table, index)
        depth_lasti, index = _read_varint(table, index)
        entries.append((start, start + length, target, depth_lasti))
    return entries


def _write_varint(value, first):
    groups = [value & 63]
    value >>= 6
    while value:
        groups.append(value & 63)
        value >>= 6
    groups.reverse()
    out = bytearray(group | 64 for group in groups[:-1])
    out.append(groups[-1])
    if first:
        out[0] |= 128
    return bytes(out)


def encode(entries):
    table = bytearray()
    for start, end, target, depth_lasti in entries:
        table += _write_varint(start, True)
        table += _write_varint(end - start, False)
        table += _write_varint(target, False)
        table += _write_varint(depth_lasti, False)
    return bytes(table)


def _lines_between(instructions, start, end):
    """(opnames, line numbers) of the instructions at code units [start, end)."""
    names, lines = [], []
    for instruction in instructions:
        unit = instruction.offset // 2
        if start <= unit < end:
            names.append(instruction.opname)
            if instruction.line_number is not None:
                lines.append(instruction.line_number)
    return names, lines


def mended_entries(code):
    """The code's exception table entries with the holes described above filled (a new list)."""
    entries = parse(code.co_exceptiontable)
    if len(entries) < 2:
        return entries
    instructions = list(dis.get_instructions(code))
    changed = True
    while changed:
        changed = False
        for index in range(len(entries) - 1):
            first, second = entries[index], entries[index + 1]
            if first[1] >= second[0] or first[2:] != second[2:]:
                continue
            names, lines = _lines_between(instructions, first[1], second[0])
            if not names or not set(names) <= _SIGNAL_ONLY:
                continue
            _, covered = _lines_between(instructions, first[0], first[1])
            _, after = _lines_between(instructions, second[0], second[1])
            covered += after
            if covered and lines and not (min(covered) <= min(lines) and max(lines) <= max(covered)):
                continue
            entries[index:index + 2] = [(first[0], second[1], first[2], first[3])]
            changed = True
            break
    return entries


def mend(code):
    """`code` with its exception table mended, and the same for every code object nested in it."""
    consts = tuple(mend(const) if isinstance(const, type(code)) else const for const in code.co_consts)
    entries = mended_entries(code)
    table = encode(entries)
    if table == code.co_exceptiontable and consts == code.co_consts:
        return code
    return _replace(code, table, consts)


def _replace(code, table, consts):
    # The audit hook (sandpit_isolation) lets exactly this function build code objects: it changes
    # nothing but where exceptions are handled, and only as `mended_entries` decided.
    return code.replace(co_exceptiontable=table, co_consts=consts)


REPLACING_CODE = _replace.__code__
