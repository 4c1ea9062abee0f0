# attack: write forged drawing commands straight to turtle's graphics device: markup as text and font, CSS in a colour, unknown commands, broken JSON, a giant coordinate
# expect: contained ok
device = open("/dev/sandpit-graphics", "wb", buffering=0)
device.write(b'["screen",400,400,"#ffffff","<img src=x onerror=\\"fetch(\'http://127.0.0.1:4190/title\')\\">"]\n')
device.write(b'["text",1,0,0,"<script>fetch(\'http://127.0.0.1:4190/text\')</script>","left","</style><img src=x>",12,"bold","#000000"]\n')
device.write(b'["line",1,0,0,10,10,"red;background:url(http://127.0.0.1:4190/css)",1]\n')
device.write(b'["eval","fetch(\'http://127.0.0.1:4190/eval\')"]\n{"not":"a list"}\n["line",1,0,0\n')
device.write(b'["line",1,0,0,1e308,1e308,"#000000",1]\n["dot",1,0,0,-5,"#000000"]\n')
device.write(b'["title","<b>bold</b>"]\n')
print("forged")
