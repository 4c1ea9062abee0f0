"""Format: a learner's code laid out in the standard style (PEP 8), without changing what it does.

Rebuilt from the token stream, so comments and every string stay exactly as written:

- blocks indented with four spaces (tabs and odd widths included), continuation lines moved with them;
- one space around assignments, binary operators, comparisons, `->` and `:=`, and after `,`; none
  inside brackets, before `(` `[` `,` `:` `.` `;`, after a unary operator, or around `=` in keyword
  arguments and unannotated defaults;
- two spaces before an inline comment and one after its `#`;
- two blank lines around top-level functions and classes, one before a nested one, at most two blank
  lines elsewhere at the top level and one inside a block; no trailing whitespace; one final newline.

Long lines are not wrapped. The result is accepted only if it parses to the same syntax tree as the code
it came from (positions aside): otherwise format_source() returns None and the code stays as it was.
"""

import ast
import io
import keyword
import token
import tokenize

_OPEN, _CLOSE = "([{", ")]}"
_DEFINITION_WORDS = {"def", "class", "async", "@"}
_NOT_VALUES = {"True", "False", "None"}
_STRING_STARTS = {token.FSTRING_START} | ({token.TSTRING_START} if hasattr(token, "TSTRING_START") else set())
_STRING_ENDS = {token.FSTRING_END} | ({token.TSTRING_END} if hasattr(token, "TSTRING_END") else set())


def format_source(source):
    """The formatted code, or None when it can't be formatted (it doesn't parse, or formatting would
    change its syntax tree)."""
    try:
        before = ast.dump(ast.parse(source))
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (SyntaxError, tokenize.TokenError, ValueError):
        return None
    formatted = _Formatter(source, tokens).run()
    try:
        return formatted if ast.dump(ast.parse(formatted)) == before else None
    except (SyntaxError, ValueError):
        return None


def _comment(text):
    text = text.rstrip()
    if text.startswith(("#!", "#:", "# ")) or text == "#":
        return text
    return "# " + text[1:]


def _ends_a_value(tok):
    """Whether `tok` can end a value, so that a bracket right after it calls or subscripts it (a name that
    isn't a keyword, a closing bracket, a string)."""
    return ((tok.type == token.NAME and not keyword.iskeyword(tok.string))
            or tok.string in _CLOSE or tok.type == token.STRING)


class _Bracket:
    """An open bracket of a logical line: its character, whether it holds a call's or a definition's
    arguments (`=` there binds a keyword), and whether the current argument has an annotation."""

    def __init__(self, char, arguments):
        self.char = char
        self.arguments = arguments
        self.annotated = False


class _Formatter:
    def __init__(self, source, tokens):
        self.lines = source.splitlines(keepends=True)
        self.tokens = tokens
        self.out = []  # physical lines, without newlines
        self.depth = 0
        self.written_indents = [0]  # block indentation as the learner wrote it
        self.last_top_level_was_definition = False
        self.pending_comments = []  # standalone comments waiting for the next statement's indentation
        self.blank_run = 0

    def run(self):
        logical = []
        after_comment = False
        for tok in self.tokens:
            kind = tok.type
            ends_comment_line, after_comment = after_comment and kind == token.NL, False
            if kind == token.INDENT:
                self.depth += 1
                self.written_indents.append(len(tok.string.expandtabs(8)))
            elif kind == token.DEDENT:
                self.depth -= 1
                self.written_indents.pop()
            elif kind in (token.NEWLINE, token.ENDMARKER):
                if logical:
                    self._emit_statement(logical)
                    logical = []
                if kind == token.ENDMARKER:
                    self._flush_comments(self.depth)
            elif kind == token.NL and not logical:
                if ends_comment_line:
                    continue  # the end of the comment's own line, not a blank line
                if self.pending_comments:
                    self.pending_comments.append(None)  # a blank line among comments
                else:
                    self.blank_run += 1
            elif kind == token.COMMENT and not logical:
                if not self.pending_comments:
                    self.pending_comments.append(("blank", self.blank_run))
                    self.blank_run = 0
                self.pending_comments.append((tok.start[1], tok.string))
                after_comment = True
            else:
                logical.append(tok)
        while self.out and self.out[-1] == "":
            self.out.pop()
        return "\n".join(self.out) + "\n" if self.out else ""

    # Blank lines and comments -------------------------------------------------------------------------

    def _blank_lines(self, written, wanted):
        """Puts the blank lines before what comes next: as written, capped (two at the top level, one in
        a block), and at least `wanted`; none at the very start."""
        while self.out and self.out[-1] == "":
            self.out.pop()
        if not self.out:
            return
        cap = 2 if self.depth == 0 else 1
        self.out.extend([""] * max(min(written, cap), wanted))

    def _flush_comments(self, depth, wanted=0):
        if not self.pending_comments:
            return
        for item in self.pending_comments:
            if item is None:
                if self.out and self.out[-1] != "":
                    self.out.append("")
                continue
            if item[0] == "blank":
                self._blank_lines(item[1], wanted)
                continue
            # Indented like the statement it stands above.
            self.out.append("    " * depth + _comment(item[1]))
        self.pending_comments = []
        self.blank_run = 0

    def _wanted_blank_lines(self, logical):
        """Blank lines PEP 8 wants before this statement."""
        first = logical[0].string
        previous = self._previous_line()
        opens_block = previous is not None and previous.rstrip().endswith(":")
        if first in _DEFINITION_WORDS and not self._after_decorator():
            if opens_block:
                return 0
            return 2 if self.depth == 0 else 1
        if self.depth == 0 and self._just_left_a_definition():
            return 2
        return 0

    def _previous_line(self):
        for line in reversed(self.out):
            if line.strip():
                return line
        return None

    def _after_decorator(self):
        previous = self._previous_line()
        return previous is not None and previous.lstrip().startswith("@")

    def _just_left_a_definition(self):
        """The statement before this top-level one was a top-level def or class (with its body)."""
        return self.last_top_level_was_definition and not self._after_decorator()

    # Statements ---------------------------------------------------------------------------------------

    def _emit_statement(self, logical):
        wanted = self._wanted_blank_lines(logical)
        if self.pending_comments:
            # Comments right above a statement stay right above it; the blank lines go before them.
            self._flush_comments(self.depth, wanted)
        else:
            self._blank_lines(self.blank_run, wanted)
        self.blank_run = 0
        self.out.extend(self._render(logical))
        if self.depth == 0:
            self.last_top_level_was_definition = logical[0].string in _DEFINITION_WORDS

    def _render(self, logical):
        lines = []
        current = "    " * self.depth
        brackets = []
        previous = None
        unary = set()
        lambda_depths = []  # bracket depths at which a lambda's parameters are open
        index = 0
        while index < len(logical):
            tok = logical[index]
            if tok.type in _STRING_STARTS:
                end = self._string_end(logical, index)
                text = self._source(tok.start, logical[end].end)
                current += self._space(previous, tok, brackets, unary, lambda_depths) + text
                previous = logical[end]
                index = end + 1
                continue
            if tok.type == token.NL:
                lines.append(current.rstrip())
                current = self._continuation(logical[index + 1] if index + 1 < len(logical) else None)
                previous = None
                index += 1
                continue
            if tok.type == token.COMMENT:
                current = current.rstrip() + ("  " if current.strip() else "") + _comment(tok.string)
                index += 1
                continue
            if previous is not None and previous.end[0] != tok.start[0]:
                lines.append(current.rstrip() + " \\")  # a backslash continuation stays one
                current = self._continuation(tok)
                previous = None
            current += self._space(previous, tok, brackets, unary, lambda_depths) + tok.string
            self._track(previous, tok, brackets, unary, lambda_depths, logical)
            previous = tok
            index += 1
        lines.append(current.rstrip())
        return lines

    def _track(self, previous, tok, brackets, unary, lambda_depths, logical):
        text = tok.string
        if text in _OPEN:
            called = previous is not None and _ends_a_value(previous)
            defining = text == "(" and previous is not None and previous.type == token.NAME and (
                logical[0].string in ("def", "async", "class"))
            brackets.append(_Bracket(text, text == "(" and (called or defining)))
        elif text in _CLOSE:
            if brackets:
                brackets.pop()
            while lambda_depths and lambda_depths[-1] > len(brackets):
                lambda_depths.pop()
        elif text == "lambda":
            lambda_depths.append(len(brackets))
        elif text == ":":
            if lambda_depths and lambda_depths[-1] == len(brackets):
                lambda_depths.pop()
            elif brackets and brackets[-1].arguments:
                brackets[-1].annotated = True
        elif text == ",":
            if brackets:
                brackets[-1].annotated = False
        if text in ("-", "+", "~", "*", "**", "@") and self._is_unary(previous):
            unary.add(id(tok))

    @staticmethod
    def _is_unary(previous):
        if previous is None:
            return True
        before = previous.string
        if previous.type == token.OP:
            return before not in _CLOSE
        return previous.type == token.NAME and keyword.iskeyword(before) and before not in _NOT_VALUES

    @staticmethod
    def _space(previous, tok, brackets, unary, lambda_depths):
        if previous is None:
            return ""
        text, before = tok.string, previous.string
        inner = brackets[-1] if brackets else None
        if id(previous) in unary:
            return ""
        if before in _OPEN or text in _CLOSE or text in (",", ";"):
            return ""
        if text == "." or before == ".":
            keywords = ("from", "import")
            return " " if (text == "." and before in keywords) or (before == "." and text == "import") else ""
        if text == ":":
            return ""
        if before == ":":
            return "" if inner is not None and inner.char == "[" else " "
        if text in _OPEN and _ends_a_value(previous):
            return ""  # a call or a subscript
        if "=" in (text, before):
            keyword_argument = inner is not None and inner.arguments and not inner.annotated
            lambda_default = bool(lambda_depths) and lambda_depths[-1] == len(brackets)
            if keyword_argument or lambda_default:
                return ""
        return " "

    def _string_end(self, logical, start):
        depth = 0
        for index in range(start, len(logical)):
            if logical[index].type in _STRING_STARTS:
                depth += 1
            elif logical[index].type in _STRING_ENDS:
                depth -= 1
                if depth == 0:
                    return index
        return len(logical) - 1

    def _source(self, start, end):
        (start_row, start_col), (end_row, end_col) = start, end
        if start_row == end_row:
            return self.lines[start_row - 1][start_col:end_col]
        parts = [self.lines[start_row - 1][start_col:]]
        parts.extend(self.lines[start_row:end_row - 1])
        parts.append(self.lines[end_row - 1][:end_col])
        return "".join(parts)

    def _continuation(self, tok):
        """A continuation line keeps its indentation relative to its block's, moved with the block, and at
        least four spaces deeper than the block."""
        block = "    " * self.depth
        if tok is None:
            return block + "    "
        written = len(self.lines[tok.start[0] - 1][: tok.start[1]].expandtabs(8))
        moved = written - self.written_indents[-1] + len(block)
        # A closing bracket on a line of its own lines up with the statement, as in `items = [ ... ]`.
        least = len(block) if tok.string in _CLOSE else len(block) + 4
        return " " * max(least, moved)
