# attack: turtle's own write() and title() with markup, bidi overrides and a huge string, hoping the page renders them as HTML
# expect: contained ok
import turtle
turtle.title("<img src=x onerror=\"fetch('http://127.0.0.1:4190/title')\">")
turtle.write("<a href='javascript:fetch(`http://127.0.0.1:4190/a`)'>x</a>\u202e", font=("<b>", 12, "bold"))
turtle.write("x" * 100_000)
print("written")
