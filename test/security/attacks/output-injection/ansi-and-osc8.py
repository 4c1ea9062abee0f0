# attack: terminal escapes: clear screen, colours, cursor moves, OSC-8 hyperlinks to javascript: URLs
# expect: contained ok
print("\x1b[2J\x1b[H\x1b[31mred\x1b[0m")
print("\x1b]8;;javascript:fetch('http://127.0.0.1:4190/osc8')\x1b\\click me\x1b]8;;\x1b\\")
print("\x1b]0;window title\x07\x1b[8mhidden\x1b[28m")
