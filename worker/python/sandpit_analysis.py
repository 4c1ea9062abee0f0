"""Problems in a learner's code, found as they type, without running it.

CPython itself says what is wrong with the syntax (compile() raises the same SyntaxError, with the same
message, that Run would), and warns where Python would warn (`x is 1`, an invalid escape sequence).
The rest comes from the compiler's own symbol tables (`symtable`), which know every scope's names
exactly as Python will resolve them:

- a name read somewhere but bound nowhere (not assigned, imported, defined, a parameter or a builtin):
  Python would raise NameError when that line runs;
- an import whose name is never used;
- a variable assigned in a function and never read.

Nothing here executes the code: the source is compiled (which runs no code of the program's) and its
syntax tree and symbol tables are read. The analysis worker (worker/analysis.worker.ts) calls problems()
each time typing pauses.
"""

import ast
import builtins
import symtable
import warnings

# Names Python provides in every module without a definition in it.
_MODULE_NAMES = frozenset({"__name__", "__file__", "__doc__", "__builtins__", "__spec__", "__loader__",
                           "__package__", "__annotations__", "__dict__", "__debug__", "__path__"})
_BUILTINS = frozenset(dir(builtins))

# At most this many problems are reported: a paste of something that isn't Python can produce thousands.
MAX_PROBLEMS = 100


def _problem(severity, message, line, column, end_line=None, end_column=None, code=None, unnecessary=False):
    line = max(1, int(line or 1))
    column = max(1, int(column or 1))
    end_line = max(line, int(end_line or line))
    end_column = int(end_column or column + 1)
    if end_line == line:
        end_column = max(column + 1, end_column)
    return {
        "severity": severity,
        "message": message,
        "line": line,
        "column": column,
        "endLine": end_line,
        "endColumn": max(1, end_column),
        "code": code,
        "unnecessary": unnecessary,
    }


def _syntax_problem(error):
    message = f"{type(error).__name__}: {error.msg}"
    end_line = getattr(error, "end_lineno", None) or error.lineno
    end_column = getattr(error, "end_offset", None)
    if not end_column or end_column <= (error.offset or 1):
        end_column = (error.offset or 1) + 1
    return _problem("error", message, error.lineno, error.offset, end_line, end_column, code="syntax")


def _compile(source, filename):
    """The syntax tree, the problems compile() reports (a SyntaxError ends the list), and its warnings."""
    problems = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(source, filename, "exec", dont_inherit=True)
        except SyntaxError as error:  # IndentationError and TabError too
            return None, [_syntax_problem(error)]
        except (ValueError, OverflowError) as error:  # a NUL byte, a number too large
            return None, [_problem("error", f"{type(error).__name__}: {error}", 1, 1, code="syntax")]
        tree = ast.parse(source, filename)
    for warning in caught:
        if issubclass(warning.category, SyntaxWarning) and warning.filename == filename:
            problem = _problem("warning", f"SyntaxWarning: {warning.message}", warning.lineno, 1,
                               code="syntax-warning")
            if problem not in problems:
                problems.append(problem)
    return tree, problems


class _Uses:
    """What the analyses read from the syntax tree, in one walk: where each name is first read, the
    module-level imports, the functions, and whether the module imports `*` or names `__all__`."""

    def __init__(self, tree):
        self.first_read = {}
        self.imports = []  # (bound name, node, alias) at module level
        self.functions = {}  # (name, first line) -> the def
        self.star_import = False
        self.names_all = False
        for node in ast.walk(tree):
            if isinstance(node, ast.Name):
                self.names_all = self.names_all or node.id == "__all__"
                if not isinstance(node.ctx, ast.Load):
                    continue
                known = self.first_read.get(node.id)
                if known is None or (node.lineno, node.col_offset) < (known.lineno, known.col_offset):
                    self.first_read[node.id] = node
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.functions[(node.name, node.lineno)] = node
            elif isinstance(node, ast.ImportFrom) and any(alias.name == "*" for alias in node.names):
                self.star_import = True
        for node in tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for alias in node.names:
                    if alias.name == "*":
                        continue
                    bound = alias.asname or alias.name.split(".")[0]
                    self.imports.append((bound, node, alias))


def _scopes(table):
    yield table
    for child in table.get_children():
        yield from _scopes(child)


def _undefined_names(module, uses):
    """Names some scope reads from the module's globals, which the module never binds."""
    bound = {symbol.get_name() for symbol in module.get_symbols()
             if symbol.is_assigned() or symbol.is_imported() or symbol.is_namespace()}
    # A function that declares a name global and assigns it binds it in the module too.
    bound |= {symbol.get_name() for scope in _scopes(module) for symbol in scope.get_symbols()
              if symbol.is_declared_global() and symbol.is_assigned()}
    problems = []
    reported = set()
    for scope in _scopes(module):
        for symbol in scope.get_symbols():
            name = symbol.get_name()
            if not symbol.is_referenced() or name in reported:
                continue
            global_lookup = symbol.is_global() or (scope is module and not symbol.is_assigned())
            if not global_lookup or name in bound or name in _BUILTINS or name in _MODULE_NAMES:
                continue
            if scope.get_type() == symtable.SymbolTableType.CLASS and symbol.is_assigned():
                continue
            node = uses.first_read.get(name)
            if node is None:
                continue  # read only in a form the tree doesn't show as a Name (del, a format spec)
            reported.add(name)
            problems.append(_problem(
                "error", f"NameError: name '{name}' is not defined", node.lineno, node.col_offset + 1,
                node.end_lineno, node.end_col_offset + 1, code="undefined-name"))
    return problems


def _unused_imports(module, uses):
    if uses.names_all:
        return []  # a module that says what it exports uses its imports by name
    read_anywhere = set()
    for scope in _scopes(module):
        for symbol in scope.get_symbols():
            if symbol.is_referenced():
                read_anywhere.add(symbol.get_name())
    problems = []
    for bound, node, alias in uses.imports:
        if bound in read_anywhere:
            continue
        what = alias.name if alias.asname is None else f"{alias.name} as {alias.asname}"
        problems.append(_problem(
            "warning", f"'{what}' is imported but never used", node.lineno, node.col_offset + 1,
            node.end_lineno, node.end_col_offset + 1, code="unused-import", unnecessary=True))
    return problems


def _first_assignments(function):
    """name -> the first plain `name = ...` target in `function` (not in functions nested in it)."""
    first = {}
    pending = list(function.body)
    while pending:
        node = pending.pop(0)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    first.setdefault(target.id, target)
        pending.extend(ast.iter_child_nodes(node))
    return first


def _unused_variables(module, uses):
    """Locals of a function that are assigned and never read (not `_`, not augmented, not unpacked)."""
    problems = []
    for scope in _scopes(module):
        if scope.get_type() != symtable.SymbolTableType.FUNCTION:
            continue
        function = uses.functions.get((scope.get_name(), scope.get_lineno()))
        if function is None:
            continue
        assignments = None
        for symbol in scope.get_symbols():
            name = symbol.get_name()
            if (not symbol.is_assigned() or symbol.is_referenced() or symbol.is_parameter()
                    or symbol.is_global() or symbol.is_nonlocal() or symbol.is_imported()
                    or symbol.is_namespace() or name.startswith("_")):
                continue
            if assignments is None:
                assignments = _first_assignments(function)
            target = assignments.get(name)
            if target is not None:
                problems.append(_problem(
                    "warning", f"'{name}' is given a value here but never used", target.lineno,
                    target.col_offset + 1, target.end_lineno, target.end_col_offset + 1,
                    code="unused-variable", unnecessary=True))
    return problems


def problems(source, filename="main.py"):
    """What is wrong with `source`, as a list of dicts (AnalysisProblem in src/wire/protocol.ts), in order."""
    tree, found = _compile(source, filename)
    if tree is None:
        return found
    module = symtable.symtable(source, filename, "exec")
    uses = _Uses(tree)
    if not uses.star_import:
        found += _undefined_names(module, uses)
    found += _unused_imports(module, uses)
    found += _unused_variables(module, uses)
    found.sort(key=lambda problem: (problem["line"], problem["column"]))
    return found[:MAX_PROBLEMS]
