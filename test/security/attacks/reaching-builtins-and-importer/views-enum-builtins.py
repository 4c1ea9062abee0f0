# attack: enum keeps the real builtins module as enum.bltns; from it, the real __import__ imports any
# module the policy withholds
# expect: blocked 'enum.bltns' \(the real builtins\) is not available in the sandbox
import enum
real_import = enum.bltns.__import__
print("SANDBOX-ESCAPED", real_import("gc"))
