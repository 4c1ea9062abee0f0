# attack: print HTML and a script tag hoping the console renders them
# expect: contained ok
print('<img src=x onerror="fetch(\'http://127.0.0.1:4190/img\')">')
print("<script>fetch('http://127.0.0.1:4190/script')</script>")
print('<a href="javascript:alert(1)">click me</a>')
