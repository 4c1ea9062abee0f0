# attack: markup written straight to stderr and to the raw file descriptor, unbuffered and unflushed
# expect: contained ok
import os
import sys
sys.stderr.write('<iframe src="javascript:fetch(\'http://127.0.0.1:4190/stderr\')"></iframe>\n')
os.write(1, b'<svg onload="fetch(\'http://127.0.0.1:4190/fd\')"></svg>\n')
sys.stdout.write("<style>*{display:none}</style>")
