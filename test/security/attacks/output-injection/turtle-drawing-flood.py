# attack: flood the drawing channel with commands far faster than the page draws them, then stop
# expect: contained ok timeout
device = open("/dev/sandpit-graphics", "wb", buffering=0)
line = b'["line",1,-200,-200,200,200,"#ff0000",3]\n' * 2000
for _ in range(400):
    device.write(line)
print("flooded")
