"""Turtle graphics for Sandpit: the API of CPython's `turtle` module, drawn by the page.

Pyodide's standard library has no `turtle` (it needs Tk). This one keeps the geometry and the state in
Python, as the desktop module does, and sends what is to be drawn to the page as drawing commands: one
JSON array per line on the graphics stream, written to the worker's graphics device. The page checks
every command (src/graphics/turtle-commands.ts) and paints them on a canvas; text is drawn as text.

Animation works as on the desktop: a move at `speed(1)..speed(10)` is cut into hops, and the program
waits (`time.sleep`, which uses no CPU) between them while the page shows each one. `speed(0)` and
`tracer(0)` draw at once. Key presses, clicks and timers arrive while the program waits for them
(`mainloop()`, `done()`, `exitonclick()`), and between the drawing steps of a program that has bound a
handler, through the worker's event wait (see `_connect`).

This module is importable by learners' programs, so its globals hold nothing the sandbox withholds: no
`sys`, no host object (the worker's event wait is reached through a closure, like `input`).
"""

import json as _json
import math as _math
import time as _time

from turtle_colors import COLOR_NAMES as _COLOR_NAMES

__all__ = [
    "Turtle", "RawTurtle", "Pen", "RawPen", "Screen", "TurtleScreen", "Vec2D", "Shape",
    "TurtleGraphicsError", "Terminator",
]

_DEFAULT_SIZE = 400
# setup() takes fractions of the screen, like the desktop's; here the "screen" is this many units square.
_REFERENCE_SCREEN = 800
_MAX_SURFACE = 4000
_SPEEDS = {"fastest": 0, "fast": 10, "normal": 6, "slow": 3, "slowest": 1}
# How often a program that has bound keys or clicks looks for them while it draws, in seconds.
_POLL_INTERVAL = 0.02


class TurtleGraphicsError(Exception):
    """Bad arguments to a turtle function (a colour, a shape, a speed), as desktop turtle raises."""


class Terminator(Exception):
    """Raised by turtle functions after `bye()`: the window (here, the drawing) is closed."""


TurtleGraphicsError.__module__ = "turtle"
Terminator.__module__ = "turtle"


class Vec2D(tuple):
    """A 2D vector and point: what `position()` returns. Prints as (x.xx,y.yy)."""

    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))

    def __add__(self, other):
        return Vec2D(self[0] + other[0], self[1] + other[1])

    def __sub__(self, other):
        return Vec2D(self[0] - other[0], self[1] - other[1])

    def __mul__(self, other):
        if isinstance(other, Vec2D):
            return self[0] * other[0] + self[1] * other[1]
        return Vec2D(self[0] * other, self[1] * other)

    def __rmul__(self, other):
        if isinstance(other, (int, float)):
            return Vec2D(self[0] * other, self[1] * other)
        return NotImplemented

    def __neg__(self):
        return Vec2D(-self[0], -self[1])

    def __abs__(self):
        return _math.hypot(self[0], self[1])

    def rotate(self, angle):
        """The vector turned counterclockwise by `angle` degrees."""
        radians = _math.radians(angle)
        c, s = _math.cos(radians), _math.sin(radians)
        return Vec2D(self[0] * c - self[1] * s, self[0] * s + self[1] * c)

    def __getnewargs__(self):
        return (self[0], self[1])

    def __repr__(self):
        return "(%.2f,%.2f)" % self


Vec2D.__module__ = "turtle"


# The standard shapes, pointing along +x (heading 0), in shape units (one unit is one turtle step at
# shapesize 1). Drawn for Sandpit, in the sizes the desktop's shapes have.
def _regular(count, radius, start=0.0):
    return tuple(
        (radius * _math.cos(_math.radians(start + 360.0 * i / count)),
         radius * _math.sin(_math.radians(start + 360.0 * i / count)))
        for i in range(count))


_SHAPE_POINTS = {
    "classic": ((0, 0), (-9, 5), (-7, 0), (-9, -5)),
    "arrow": ((10, 0), (-10, 10), (-10, -10)),
    "triangle": _regular(3, 11.5),
    "square": ((10, 10), (-10, 10), (-10, -10), (10, -10)),
    "circle": _regular(24, 10),
    "turtle": (
        (16, 0), (14, 2), (10, 1), (7, 4), (9, 7), (8, 9), (5, 6), (1, 7), (-3, 5), (-6, 8), (-8, 6),
        (-5, 4), (-7, 0), (-5, -4), (-8, -6), (-6, -8), (-3, -5), (1, -7), (5, -6), (8, -9), (9, -7),
        (7, -4), (10, -1), (14, -2)),
    "blank": (),
}


class Shape:
    """A turtle shape: a polygon (`Shape("polygon", points)`), for `Screen().register_shape`."""

    def __init__(self, type_, data=None):
        if type_ != "polygon":
            raise TurtleGraphicsError(f"There is no shape type {type_} here (only 'polygon')")
        self._type = type_
        self._points = _points(data or ())

    def addcomponent(self, poly, fill, outline=None):
        """Desktop turtle's compound shapes: here the first component is the shape."""
        if not self._points:
            self._points = _points(poly)


def _points(data):
    try:
        return tuple((float(x), float(y)) for x, y in data)
    except (TypeError, ValueError):
        raise TurtleGraphicsError(f"bad shape polygon: {data!r}") from None


def _number(value, what):
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{what} must be a number, not {type(value).__name__}")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        try:
            return float(value)
        except (TypeError, ValueError):
            raise TypeError(f"{what} must be a number, not {type(value).__name__}") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"{what} must be a finite number")
    return float(value)


class _Sink:
    """Drawing commands waiting to be written to the graphics device, one line each."""

    def __init__(self):
        self._lines = []
        self._size = 0
        self._device = None
        self.write_line = self._lines.append

    def write(self, command):
        self._lines.append(_json.dumps(command, separators=(",", ":")))

    # The device's path is bound here, not kept in a global a program could point elsewhere: this module
    # runs with the real builtins, so it must never open a file a learner named.
    def flush(self, _device_path="/dev/sandpit-graphics"):
        if not self._lines:
            return
        data = ("\n".join(self._lines) + "\n").encode("utf-8")
        self._lines.clear()
        if self._device is None:
            try:
                self._device = open(_device_path, "wb", buffering=0)
            except OSError:
                return  # Not in Sandpit's worker (a test): the commands go nowhere.
        self._device.write(data)

    def take(self):
        """The waiting lines (for tests), emptied."""
        lines = list(self._lines)
        self._lines.clear()
        return lines


_sink = _Sink()


class _Host:
    """How the page reaches a running program. Set per run by the runner (`_connect`)."""

    def __init__(self):
        self.wait_event = None  # (timeout_ms or -1) -> str (an event's JSON), "" (timed out), None (never)
        self.ask_line = None  # (prompt) -> str, or raises EOFError
        self.sleep = _time.sleep


_host = _Host()


def _connect(wait_event, ask_line, can_sleep):
    """Called once per run by sandpit_runner, before the program starts."""
    _host.wait_event = wait_event
    _host.ask_line = ask_line
    _host.can_sleep = bool(can_sleep)
    # The run's own time.sleep (sandpit_host installed it): idle, woken by Stop, output flushed first.
    _host.sleep = _time.sleep


_host.can_sleep = False


def _fmt(value):
    # Two decimals are finer than a pixel at any scale a drawing is shown at; "-0.00" is written as 0.
    text = "%.2f" % value
    return "0" if text in ("0.00", "-0.00") else text


_HEX_OF = {}


class _Colors:
    """Colour arguments, as desktop turtle takes them, and back."""

    @staticmethod
    def parse(args, mode):
        """`args` as given to pencolor() & co.: a name, '#rgb'/'#rrggbb', (r, g, b), or r, g, b."""
        if len(args) == 1:
            color = args[0]
        elif len(args) == 3:
            color = tuple(args)
        else:
            raise TurtleGraphicsError(f"bad color arguments: {args}")
        if isinstance(color, str):
            return _Colors.from_string(color)
        try:
            r, g, b = color
        except (TypeError, ValueError):
            raise TurtleGraphicsError(f"bad color arguments: {color}") from None
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (r, g, b)):
            raise TurtleGraphicsError(f"bad color sequence: {color}")
        if not all(0 <= v <= mode for v in (r, g, b)):
            raise TurtleGraphicsError(f"bad color sequence: {color}")
        if mode == 1.0:
            r, g, b = (round(255 * v) for v in (r, g, b))
        return "#%02x%02x%02x" % (int(r), int(g), int(b))

    @staticmethod
    def from_string(text):
        key = text.replace(" ", "").lower()
        if key in _COLOR_NAMES:
            return text
        if key.startswith(("gray", "grey")) and key[4:].isdigit() and 0 <= int(key[4:]) <= 100:
            return text
        if key.startswith("#") and len(key) in (4, 7) and all(c in "0123456789abcdef" for c in key[1:]):
            return text
        raise TurtleGraphicsError(f"bad color string: {text}")

    @staticmethod
    def hex(color):
        """The #rrggbb of a colour already checked by parse() (looked up once per colour)."""
        known = _HEX_OF.get(color)
        if known is None:
            known = _HEX_OF[color] = _Colors.to_hex(color)
        return known

    @staticmethod
    def to_hex(color):
        key = color.replace(" ", "").lower()
        if key.startswith("#"):
            return key if len(key) == 7 else "#" + "".join(c * 2 for c in key[1:])
        if key in _COLOR_NAMES:
            return _COLOR_NAMES[key]
        level = round(int(key[4:]) * 255 / 100)
        return "#%02x%02x%02x" % (level, level, level)

    @staticmethod
    def as_given(color, mode):
        """What pencolor() & co. return: a name as it was given, else a tuple in the colour mode."""
        if not color.startswith("#"):
            return color
        value = _Colors.hex(color)
        channels = [int(value[i:i + 2], 16) for i in (1, 3, 5)]
        if mode == 255:
            return tuple(channels)
        return tuple(c / 255 * mode for c in channels)


class _Screen:
    """The one drawing surface: size, background, tracing, events, timers and its turtles."""

    def __init__(self):
        self._started = False
        self._reset_state()

    def _reset_state(self):
        self._width = _DEFAULT_SIZE
        self._height = _DEFAULT_SIZE
        self._bg = "white"
        self._title = "Python Turtle Graphics"
        self._tracer_n = 1
        self._update_count = 0
        self._delay_ms = 10
        self._colormode = 1.0
        self._mode = "standard"
        self._turtles = []
        self._shapes = dict(_SHAPE_POINTS)
        self._key_press = {}
        self._key_release = {}
        self._clicks = {}
        self._timers = []
        self._timer_order = 0
        self._next_turtle_id = 1
        self._next_stamp_id = 1
        self._terminated = False
        self._in_handler = False
        self._last_poll = 0.0
        self._exit_on_click = False
        self._turtle_clicks = False  # some turtle has an onclick handler
        self._dirty = set()

    # --- the connection to the page

    def _start(self):
        if self._terminated:
            raise Terminator("the turtle window was closed by bye()")
        if not self._started:
            self._started = True
            self._send_surface()

    def _send(self, command):
        self._start()
        _sink.write(command)

    def _send_surface(self):
        _sink.write(["screen", self._width, self._height, _Colors.hex(self._bg), self._title])

    @property
    def _tracing(self):
        return self._tracer_n > 0

    def _can_animate(self):
        return self._tracing and _host.can_sleep

    def _changed(self, turtle):
        """A turtle moved or changed: show it now, or at the next update() under tracer(0)."""
        self._dirty.add(turtle)
        if not self._tracing:
            return
        self._update_count += 1
        if self._update_count >= self._tracer_n:
            self._update_count = 0
            self._show_turtles()
        self._maybe_poll()

    def _show_turtles(self):
        for turtle in list(self._dirty):
            turtle._send_state()
        self._dirty.clear()

    def _pause(self, milliseconds):
        """A hop of an animation: show what is drawn so far, wait, and take in events."""
        _sink.flush()
        if milliseconds > 0 and _host.can_sleep:
            _host.sleep(milliseconds / 1000.0)
        self._maybe_poll()

    def _finish(self):
        """The program has ended: everything drawn goes out (the runner calls this)."""
        if self._started:
            self._show_turtles()
            _sink.write(["update"])
        _sink.flush()

    # --- events

    def _has_handlers(self):
        return bool(self._key_press or self._key_release or self._clicks or self._exit_on_click
                    or self._turtle_clicks)

    def _maybe_poll(self):
        if self._in_handler or not self._has_handlers() or _host.wait_event is None:
            return
        now = _time.monotonic()
        if now - self._last_poll < _POLL_INTERVAL:
            return
        self._last_poll = now
        self._show_turtles()
        _sink.flush()
        for _ in range(32):  # at most this many queued events per poll
            event = _host.wait_event(0)
            if not event:
                break
            self._dispatch(event)
        self._run_due_timers()

    def _dispatch(self, text):
        try:
            event = _json.loads(text)
        except ValueError:
            return
        if not isinstance(event, dict):
            return
        kind = event.get("type")
        if kind == "key":
            key = str(event.get("key", ""))
            table = self._key_press if event.get("down") else self._key_release
            handler = table.get(key) or table.get(None)
            if handler is not None:
                self._call(handler)
        elif kind == "click":
            x, y = float(event.get("x", 0)), float(event.get("y", 0))
            button = int(event.get("button", 1))
            if self._exit_on_click and button == 1:
                self.bye()
                return
            for turtle in reversed(self._turtles):
                handler = turtle._click.get(button)
                if handler is not None and turtle._hit(x, y):
                    self._call(handler, x, y)
                    return
            handler = self._clicks.get(button)
            if handler is not None:
                self._call(handler, x, y)

    def _call(self, handler, *args):
        self._in_handler = True
        try:
            handler(*args)
        finally:
            self._in_handler = False

    def _run_due_timers(self):
        now = _time.monotonic()
        due = [timer for timer in self._timers if timer[0] <= now]
        if not due:
            return
        self._timers = [timer for timer in self._timers if timer[0] > now]
        for _, _, handler in sorted(due, key=lambda timer: (timer[0], timer[1])):
            if self._terminated:
                return
            self._call(handler)

    def _event_loop(self):
        """Waits for keys, clicks and timers, running their handlers, until nothing more can happen."""
        self._show_turtles()
        self._update_count = 0
        if self._started:
            _sink.write(["update"])
        while not self._terminated and (self._has_handlers() or self._timers):
            _sink.flush()
            if _host.wait_event is None:
                return
            timeout = -1
            if self._timers:
                next_due = min(timer[0] for timer in self._timers)
                timeout = max(0, int((next_due - _time.monotonic()) * 1000))
            event = _host.wait_event(timeout)
            if event is None:
                return  # No events can reach this program (the page doesn't offer them).
            if event:
                self._dispatch(event)
            self._run_due_timers()
            self._show_turtles()

    # --- the screen's own API (TurtleScreen methods)

    def bgcolor(self, *args):
        if not args:
            return _Colors.as_given(self._bg, self._colormode)
        self._bg = _Colors.parse(args, self._colormode)
        self._send(["bg", _Colors.hex(self._bg)])

    def setup(self, width=0.5, height=0.75, startx=None, starty=None):
        self._width = self._surface_size(width, "width")
        self._height = self._surface_size(height, "height")
        self._start()
        self._send_surface()

    def _surface_size(self, value, what):
        value = _number(value, what)
        size = value * _REFERENCE_SCREEN if 0 <= value <= 1 else value
        if not 1 <= size <= _MAX_SURFACE:
            raise TurtleGraphicsError(f"the {what} must be between 1 and {_MAX_SURFACE}")
        return int(round(size))

    def screensize(self, canvwidth=None, canvheight=None, bg=None):
        if canvwidth is None and canvheight is None and bg is None:
            return self._width, self._height
        if canvwidth is not None:
            self._width = self._surface_size(canvwidth, "width")
        if canvheight is not None:
            self._height = self._surface_size(canvheight, "height")
        self._start()
        self._send_surface()
        if bg is not None:
            self.bgcolor(bg)

    def window_width(self):
        return self._width

    def window_height(self):
        return self._height

    def title(self, titlestring):
        self._title = str(titlestring)[:200]
        self._send(["title", self._title])

    def tracer(self, n=None, delay=None):
        if n is None:
            return self._tracer_n
        self._tracer_n = max(0, int(n))
        self._update_count = 0
        if delay is not None:
            self.delay(delay)
        self._send(["tracer", 1 if self._tracer_n else 0])
        if self._tracer_n:
            self._show_turtles()

    def update(self):
        self._show_turtles()
        self._send(["update"])
        _sink.flush()
        self._maybe_poll()

    def delay(self, delay=None):
        if delay is None:
            return self._delay_ms
        self._delay_ms = max(0, int(delay))

    def colormode(self, cmode=None):
        if cmode is None:
            return self._colormode
        if cmode == 1.0:
            self._colormode = 1.0
        elif cmode == 255:
            self._colormode = 255
        else:
            raise TurtleGraphicsError(f"colormode must be 1.0 or 255, not {cmode!r}")

    def mode(self, mode=None):
        if mode is None:
            return self._mode
        mode = str(mode).lower()
        if mode not in ("standard", "logo"):
            raise TurtleGraphicsError(f"No turtle-graphics-mode {mode} (Sandpit has 'standard' and 'logo')")
        self._mode = mode
        self.reset()

    def clear(self):
        """Deletes all drawings and all turtles; back to a white, empty surface."""
        self._send(["clearall"])
        for turtle in self._turtles:
            turtle._send(["forget", turtle._id])
        self._reset_state()
        _anonymous.clear()
        self._send_surface()

    clearscreen = clear

    def reset(self):
        for turtle in list(self._turtles):
            turtle.reset()

    resetscreen = reset

    def turtles(self):
        return list(self._turtles)

    def getshapes(self):
        return sorted(self._shapes)

    def register_shape(self, name, shape=None):
        if shape is None:
            raise TurtleGraphicsError("Sandpit can't load image shapes (gif files); give a polygon")
        if isinstance(shape, Shape):
            self._shapes[name] = shape._points
        else:
            self._shapes[name] = _points(shape)

    addshape = register_shape

    def bye(self):
        self._finish()
        self._terminated = True

    def onkeyrelease(self, fun, key=None):
        self._bind(self._key_release, fun, key)

    onkey = onkeyrelease

    def onkeypress(self, fun, key=None):
        self._bind(self._key_press, fun, key)

    def _bind(self, table, fun, key):
        key = None if key is None else str(key)
        if fun is None:
            table.pop(key, None)
        else:
            table[key] = fun

    def onclick(self, fun, btn=1, add=None):
        if fun is None:
            self._clicks.pop(btn, None)
        else:
            self._clicks[int(btn)] = fun

    onscreenclick = onclick

    def ontimer(self, fun, t=0):
        self._timer_order += 1
        self._timers.append((_time.monotonic() + max(0, _number(t, "t")) / 1000.0, self._timer_order, fun))

    def listen(self, xdummy=None, ydummy=None):
        self._send(["listen"])

    def mainloop(self):
        self._event_loop()

    done = mainloop

    def exitonclick(self):
        self._exit_on_click = True
        self._send(["exitonclick"])
        self._event_loop()

    def textinput(self, title, prompt):
        self._show_turtles()
        _sink.write(["update"])
        _sink.flush()
        if _host.ask_line is None:
            return None
        try:
            return _host.ask_line(f"{title}: {prompt} ")
        except EOFError:
            return None

    def numinput(self, title, prompt, default=None, minval=None, maxval=None):
        while True:
            text = self.textinput(title, prompt if default is None else f"{prompt} [{default}]")
            if text is None:
                return None
            if text.strip() == "" and default is not None:
                return float(default)
            try:
                value = float(text)
            except ValueError:
                print("Please type a number.")
                continue
            if minval is not None and value < minval:
                print(f"The number must be at least {minval}.")
            elif maxval is not None and value > maxval:
                print(f"The number must be at most {maxval}.")
            else:
                return value

    def getcanvas(self):
        raise TurtleGraphicsError("Sandpit draws on the page, not on a Tk canvas")


_screen = _Screen()


def Screen():
    """The drawing surface (always the same one)."""
    _screen._start()
    return _screen


TurtleScreen = _Screen


class RawTurtle:
    """A turtle: a position, a heading and a pen, drawing on the screen."""

    def __init__(self, canvas=None, shape="classic", undobuffersize=1000, visible=True):
        screen = _screen
        screen._start()
        self.screen = screen
        self._id = screen._next_turtle_id
        screen._next_turtle_id += 1
        screen._turtles.append(self)
        self._click = {}
        self._shape = shape if shape in screen._shapes else "classic"
        self._init_state(visible)
        screen._changed(self)

    def _init_state(self, visible=True):
        self._x = 0.0
        self._y = 0.0
        self._heading = 0.0  # degrees, counterclockwise from east, whatever the mode
        self._fullcircle = 360.0
        self._down = True
        self._pensize = 1.0
        self._pencolor = "black"
        self._fillcolor = "black"
        self._speed = 3
        self._visible = visible
        self._stretch = (1.0, 1.0)
        self._outline = 1.0
        self._fill = None
        self._stamps = []

    # --- internals

    def _send(self, command):
        self.screen._send(command)

    def _degrees(self, angle):
        return _number(angle, "angle") * 360.0 / self._fullcircle

    def _to_user_angle(self, degrees):
        if self.screen._mode == "logo":
            degrees = 90.0 - degrees
        return (degrees % 360.0) * self._fullcircle / 360.0 % self._fullcircle

    def _shape_points(self, x=None, y=None, heading=None):
        points = self.screen._shapes.get(self._shape, ())
        x = self._x if x is None else x
        y = self._y if y is None else y
        heading = self._heading if heading is None else heading
        radians = _math.radians(heading)
        c, s = _math.cos(radians), _math.sin(radians)
        wid, length = self._stretch
        flat = []
        for px, py in points:
            px, py = px * length, py * wid
            flat.append(_fmt(x + px * c - py * s))
            flat.append(_fmt(y + px * s + py * c))
        return flat

    def _shape_colors(self):
        return _Colors.hex(self._fillcolor), _Colors.hex(self._pencolor)

    def _send_state(self):
        fill, outline = self._shape_colors()
        points = ",".join(self._shape_points()) if self._visible else ""
        _sink.write_line('["turtle",%d,[%s],"%s","%s",%s]' % (self._id, points, fill, outline, _fmt(self._outline)))

    def _animated(self):
        return self._speed > 0 and self.screen._can_animate()

    def _line(self, x1, y1, x2, y2):
        _sink.write_line('["line",%d,%s,%s,%s,%s,"%s",%s]' % (
            self._id, _fmt(x1), _fmt(y1), _fmt(x2), _fmt(y2), _Colors.hex(self._pencolor), _fmt(self._pensize)))

    def _goto(self, x, y, draw=None):
        screen = self.screen
        screen._start()
        x, y = float(x), float(y)
        draw = self._down if draw is None else draw
        start_x, start_y = self._x, self._y
        if self._animated() and (x, y) != (start_x, start_y):
            distance = _math.hypot(x - start_x, y - start_y)
            hops = 1 + int(distance / (3 * 1.1 ** self._speed * self._speed))
            previous = (start_x, start_y)
            for hop in range(1, hops + 1):
                t = hop / hops
                point = (start_x + (x - start_x) * t, start_y + (y - start_y) * t)
                if draw:
                    self._line(previous[0], previous[1], point[0], point[1])
                previous = point
                self._x, self._y = point
                if hop < hops:
                    self._send_state()
                    screen._pause(screen._delay_ms)
        elif draw and (x, y) != (start_x, start_y):
            self._line(start_x, start_y, x, y)
        self._x, self._y = x, y
        if self._fill is not None:
            self._fill.append((x, y))
        screen._changed(self)
        if self._animated():
            self._send_state()
            screen._pause(screen._delay_ms)

    def _rotate(self, degrees):
        screen = self.screen
        screen._start()
        if self._animated() and self._visible and degrees:
            steps = 1 + int(abs(degrees) / (3.0 * self._speed))
            start = self._heading
            for step in range(1, steps):
                self._heading = start + degrees * step / steps
                self._send_state()
                screen._pause(screen._delay_ms)
            self._heading = start
        self._heading = (self._heading + degrees) % 360.0
        screen._changed(self)

    def _hit(self, x, y):
        reach = 10 * max(self._stretch)
        return self._visible and _math.hypot(x - self._x, y - self._y) <= reach

    # --- movement

    def forward(self, distance):
        distance = _number(distance, "distance")
        radians = _math.radians(self._heading)
        self._goto(self._x + distance * _math.cos(radians), self._y + distance * _math.sin(radians))

    fd = forward

    def back(self, distance):
        self.forward(-_number(distance, "distance"))

    bk = backward = back

    def left(self, angle):
        self._rotate(self._degrees(angle))

    lt = left

    def right(self, angle):
        self._rotate(-self._degrees(angle))

    rt = right

    def goto(self, x, y=None):
        if y is None:
            try:
                x, y = x
            except (TypeError, ValueError):
                raise TypeError("goto() takes x and y, or one (x, y) pair") from None
        self._goto(_number(x, "x"), _number(y, "y"))

    setpos = setposition = goto

    def teleport(self, x=None, y=None, *, fill_gap=False):
        x = self._x if x is None else _number(x, "x")
        y = self._y if y is None else _number(y, "y")
        self._goto(x, y, draw=False)

    def setx(self, x):
        self._goto(_number(x, "x"), self._y)

    def sety(self, y):
        self._goto(self._x, _number(y, "y"))

    def setheading(self, to_angle):
        wanted = self._degrees(to_angle)
        if self.screen._mode == "logo":
            wanted = 90.0 - wanted
        turn = (wanted - self._heading) % 360.0
        if turn > 180.0:
            turn -= 360.0
        self._rotate(turn)

    seth = setheading

    def home(self):
        self._goto(0.0, 0.0)
        self._heading = 90.0 if self.screen._mode == "logo" else 0.0
        self.screen._changed(self)

    def circle(self, radius, extent=None, steps=None):
        radius = _number(radius, "radius")
        extent = self._fullcircle if extent is None else _number(extent, "extent")
        extent_degrees = extent * 360.0 / self._fullcircle
        if steps is None:
            fraction = abs(extent_degrees) / 360.0
            steps = 1 + int(min(11 + abs(radius) / 6.0, 59.0) * fraction)
        steps = int(steps)
        if steps < 1:
            raise ValueError("circle() needs at least 1 step")
        turn = extent_degrees / steps
        chord = 2.0 * radius * _math.sin(_math.radians(turn / 2.0))
        if radius < 0:
            chord, turn = -chord, -turn
        speed = self._speed
        # Each chord moves at the turtle's speed; the small turns between them are not animated.
        self._speed = 0
        self._heading = (self._heading + turn / 2.0) % 360.0
        for _ in range(steps):
            self._speed = speed
            radians = _math.radians(self._heading)
            self._goto(self._x + chord * _math.cos(radians), self._y + chord * _math.sin(radians))
            self._speed = 0
            self._heading = (self._heading + turn) % 360.0
        self._heading = (self._heading - turn / 2.0) % 360.0
        self._speed = speed
        self.screen._changed(self)

    def dot(self, size=None, *color):
        if size is not None and not isinstance(size, (int, float)):
            color, size = (size, *color), None
        hex_color = _Colors.hex(_Colors.parse(color, self.screen._colormode)) if color else _Colors.hex(self._pencolor)
        if size is None:
            size = max(self._pensize + 4, 2 * self._pensize)
        size = _number(size, "size")
        self._send(["dot", self._id, round(self._x, 2), round(self._y, 2), max(1.0, size), hex_color])
        self.screen._changed(self)

    def stamp(self):
        stamp_id = self.screen._next_stamp_id
        self.screen._next_stamp_id += 1
        fill, outline = self._shape_colors()
        points = [float(v) for v in self._shape_points()]
        self._send(["stamp", self._id, stamp_id, points, fill, outline, self._outline])
        self._stamps.append(stamp_id)
        self.screen._changed(self)
        return stamp_id

    def clearstamp(self, stampid):
        if stampid in self._stamps:
            self._stamps.remove(stampid)
            self._send(["unstamp", stampid])

    def clearstamps(self, n=None):
        if n is None:
            chosen = list(self._stamps)
        elif n >= 0:
            chosen = self._stamps[:n]
        else:
            chosen = self._stamps[n:]
        for stamp_id in chosen:
            self.clearstamp(stamp_id)

    def speed(self, speed=None):
        if speed is None:
            return self._speed
        if speed in _SPEEDS:
            self._speed = _SPEEDS[speed]
            return
        if isinstance(speed, str):
            raise TurtleGraphicsError(f"speed must be a number or one of {', '.join(_SPEEDS)}, not {speed!r}")
        speed = _number(speed, "speed")
        self._speed = int(round(speed)) if 0.5 < speed < 10.5 else 0

    def degrees(self, fullcircle=360.0):
        self._fullcircle = _number(fullcircle, "fullcircle")

    def radians(self):
        self._fullcircle = 2 * _math.pi

    # --- state

    def position(self):
        return Vec2D(self._x, self._y)

    pos = position

    def xcor(self):
        return self._x

    def ycor(self):
        return self._y

    def heading(self):
        return self._to_user_angle(self._heading)

    def distance(self, x, y=None):
        if y is None:
            x, y = (x._x, x._y) if isinstance(x, RawTurtle) else x
        return _math.hypot(_number(x, "x") - self._x, _number(y, "y") - self._y)

    def towards(self, x, y=None):
        if y is None:
            x, y = (x._x, x._y) if isinstance(x, RawTurtle) else x
        dx, dy = _number(x, "x") - self._x, _number(y, "y") - self._y
        return self._to_user_angle(_math.degrees(_math.atan2(dy, dx)))

    def isdown(self):
        return self._down

    def isvisible(self):
        return self._visible

    def showturtle(self):
        self._visible = True
        self.screen._changed(self)

    st = showturtle

    def hideturtle(self):
        self._visible = False
        self.screen._changed(self)

    ht = hideturtle

    def shape(self, name=None):
        if name is None:
            return self._shape
        if name not in self.screen._shapes:
            raise TurtleGraphicsError(f"There is no shape named {name}")
        self._shape = name
        self.screen._changed(self)

    def shapesize(self, stretch_wid=None, stretch_len=None, outline=None):
        if stretch_wid is None and stretch_len is None and outline is None:
            return self._stretch[0], self._stretch[1], self._outline
        wid = self._stretch[0] if stretch_wid is None else _number(stretch_wid, "stretch_wid")
        length = wid if stretch_len is None and stretch_wid is not None else (
            self._stretch[1] if stretch_len is None else _number(stretch_len, "stretch_len"))
        self._stretch = (wid, length)
        if outline is not None:
            self._outline = _number(outline, "outline")
        self.screen._changed(self)

    turtlesize = shapesize

    # --- pen

    def penup(self):
        self._down = False

    pu = up = penup

    def pendown(self):
        self._down = True

    pd = down = pendown

    def pensize(self, width=None):
        if width is None:
            return self._pensize
        self._pensize = max(0.0, _number(width, "width"))

    width = pensize

    def pencolor(self, *args):
        if not args:
            return _Colors.as_given(self._pencolor, self.screen._colormode)
        self._pencolor = _Colors.parse(args, self.screen._colormode)
        self.screen._changed(self)

    def fillcolor(self, *args):
        if not args:
            return _Colors.as_given(self._fillcolor, self.screen._colormode)
        self._fillcolor = _Colors.parse(args, self.screen._colormode)
        self.screen._changed(self)

    def color(self, *args):
        mode = self.screen._colormode
        if not args:
            return _Colors.as_given(self._pencolor, mode), _Colors.as_given(self._fillcolor, mode)
        if len(args) == 1:
            self._pencolor = self._fillcolor = _Colors.parse(args, mode)
        elif len(args) == 2:
            self._pencolor = _Colors.parse(args[:1], mode)
            self._fillcolor = _Colors.parse(args[1:], mode)
        elif len(args) == 3:
            self._pencolor = self._fillcolor = _Colors.parse(args, mode)
        else:
            raise TurtleGraphicsError(f"bad color arguments: {args}")
        self.screen._changed(self)

    def pen(self, pen=None, **pendict):
        state = {
            "shown": self._visible, "pendown": self._down, "pencolor": self.pencolor(),
            "fillcolor": self.fillcolor(), "pensize": self._pensize, "speed": self._speed,
            "stretchfactor": self._stretch, "outline": self._outline,
        }
        if pen is None and not pendict:
            return state
        changes = dict(pen or {}, **pendict)
        if "shown" in changes:
            self._visible = bool(changes["shown"])
        if "pendown" in changes:
            self._down = bool(changes["pendown"])
        if "pencolor" in changes:
            self.pencolor(changes["pencolor"])
        if "fillcolor" in changes:
            self.fillcolor(changes["fillcolor"])
        if "pensize" in changes:
            self.pensize(changes["pensize"])
        if "speed" in changes:
            self.speed(changes["speed"])
        self.screen._changed(self)

    def begin_fill(self):
        self._fill = [(self._x, self._y)]
        self._send(["fillstart", self._id])

    def end_fill(self):
        if self._fill is None:
            return
        points = self._fill
        self._fill = None
        flat = [round(v, 2) for point in points for v in point]
        self._send(["fill", self._id, flat, _Colors.hex(self._fillcolor)])
        self.screen._changed(self)

    def filling(self):
        return self._fill is not None

    # --- text, clearing, screen

    def write(self, arg, move=False, align="left", font=("Arial", 8, "normal")):
        align = str(align).lower()
        if align not in ("left", "center", "right"):
            raise ValueError(f"align must be 'left', 'center' or 'right', not {align!r}")
        text = str(arg)[:10000]
        family, size, style = _font(font)
        self._send(["text", self._id, round(self._x, 2), round(self._y, 2), text, align, family, size, style,
                    _Colors.hex(self._pencolor)])
        if move:
            width = 0.6 * size * max((len(line) for line in text.split("\n")), default=0)
            self._goto(self._x + width, self._y)
        else:
            self.screen._changed(self)

    def clear(self):
        self._send(["clear", self._id])
        self._stamps = []

    def reset(self):
        self._send(["clear", self._id])
        self._init_state()
        if self.screen._mode == "logo":
            self._heading = 90.0
        self.screen._changed(self)

    def onclick(self, fun, btn=1, add=None):
        if fun is None:
            self._click.pop(btn, None)
        else:
            self._click[int(btn)] = fun
            self.screen._turtle_clicks = True

    def onrelease(self, fun, btn=1, add=None):
        self.onclick(fun, btn, add)

    def ondrag(self, fun, btn=1, add=None):
        raise TurtleGraphicsError("ondrag() is not available in Sandpit yet; use onclick()")

    def getscreen(self):
        return self.screen

    def getturtle(self):
        return self

    getpen = getturtle

    def clone(self):
        twin = type(self)(shape=self._shape, visible=self._visible)
        for name in ("_x", "_y", "_heading", "_fullcircle", "_down", "_pensize", "_pencolor", "_fillcolor",
                     "_speed", "_stretch", "_outline"):
            setattr(twin, name, getattr(self, name))
        self.screen._changed(twin)
        return twin

    def undo(self):
        raise TurtleGraphicsError("undo() is not available in Sandpit yet")

    def __repr__(self):
        return f"<turtle.Turtle object {self._id}>"


def _font(font):
    if isinstance(font, str):
        font = (font,)
    try:
        font = tuple(font)
    except TypeError:
        raise TypeError("font must be a tuple like ('Arial', 12, 'normal')") from None
    family = str(font[0]) if len(font) > 0 else "Arial"
    size = int(_number(font[1], "font size")) if len(font) > 1 else 8
    style = str(font[2]).lower() if len(font) > 2 else "normal"
    return family[:64], max(1, min(abs(size), 400)), style[:32]


class Turtle(RawTurtle):
    """A turtle on the screen (the one surface of this page)."""

    def __init__(self, shape="classic", undobuffersize=1000, visible=True):
        super().__init__(None, shape, undobuffersize, visible)


Pen = Turtle
RawPen = RawTurtle
RawTurtle.__module__ = "turtle"
Turtle.__module__ = "turtle"

_anonymous = []


def getturtle():
    """The turtle the module-level functions move (made at first use)."""
    if not _anonymous:
        _anonymous.append(Turtle())
    return _anonymous[0]


getpen = getturtle


def _turtle_function(name):
    def function(*args, **kwargs):
        return getattr(getturtle(), name)(*args, **kwargs)

    function.__name__ = function.__qualname__ = name
    function.__doc__ = getattr(RawTurtle, name).__doc__
    return function


def _screen_function(name):
    def function(*args, **kwargs):
        return getattr(Screen(), name)(*args, **kwargs)

    function.__name__ = function.__qualname__ = name
    function.__doc__ = getattr(_Screen, name).__doc__
    return function


_TURTLE_FUNCTIONS = (
    "forward", "fd", "back", "bk", "backward", "left", "lt", "right", "rt", "goto", "setpos", "setposition",
    "teleport", "setx", "sety", "setheading", "seth", "home", "circle", "dot", "stamp", "clearstamp",
    "clearstamps", "speed", "degrees", "radians", "position", "pos", "xcor", "ycor", "heading", "distance",
    "towards", "isdown", "isvisible", "showturtle", "st", "hideturtle", "ht", "shape", "shapesize",
    "turtlesize", "penup", "pu", "up", "pendown", "pd", "down", "pensize", "width", "pencolor", "fillcolor",
    "color", "pen", "begin_fill", "end_fill", "filling", "write", "onrelease", "ondrag", "clone", "undo",
)
# `clear`, `reset` and `onclick` at module level are the turtle's, as on the desktop.
_TURTLE_FUNCTIONS += ("clear", "reset", "onclick")
_SCREEN_FUNCTIONS = (
    "bgcolor", "setup", "screensize", "window_width", "window_height", "title", "tracer", "update", "delay",
    "colormode", "mode", "clearscreen", "resetscreen", "turtles", "getshapes", "register_shape", "addshape",
    "bye", "onkey", "onkeyrelease", "onkeypress", "onscreenclick", "ontimer", "listen", "mainloop", "done",
    "exitonclick", "textinput", "numinput",
)

for _name in _TURTLE_FUNCTIONS:
    globals()[_name] = _turtle_function(_name)
    __all__.append(_name)
for _name in _SCREEN_FUNCTIONS:
    globals()[_name] = _screen_function(_name)
    __all__.append(_name)
del _name
__all__ += ["getturtle", "getpen"]


def _finish_run():
    """The runner's hook at the end of a run: the drawing is sent complete."""
    _screen._finish()
