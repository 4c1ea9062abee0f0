# attack: exec with an empty globals dict, hoping CPython fills in the real builtins for the new namespace
# expect: blocked module 'js' is not available in the sandbox
namespace = {}
source = "import js\nprint('SANDBOX-" + "ESCAPED', js)"
exec(source, namespace)
