# attack: call __import__ through a fullwidth identifier that NFKC-normalises to it, hoping it is a
# different, unguarded name
# expect: blocked module 'js' is not available in the sandbox
js = __ｉｍｐｏｒｔ__("js")
print("SANDBOX-ESCAPED", js)
