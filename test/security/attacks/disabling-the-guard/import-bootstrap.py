# attack: import the sandbox's own bootstrap and empty its list of denied attributes
# expect: blocked module 'sandpit_guard' is not available in the sandbox
import sandpit_guard
sandpit_guard.DENIED_ATTRIBUTES = frozenset()
print("SANDBOX-ESCAPED")
