# attack: vars() and star imports read a module's whole namespace; the withheld modules it holds would
# come with it
# expect: blocked KeyError: 'inspect'
import dataclasses
namespace = vars(dataclasses)
inspect = namespace["inspect"]
print("SANDBOX-ESCAPED", inspect)
