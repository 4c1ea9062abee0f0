# attack: a syntax error whose quoted source line and file name carry markup (the traceback path)
# expect: contained error
compile('x = <script>fetch("http://127.0.0.1:4190/syntax")</script>', '<img src=x onerror=alert(1)>', 'exec')
