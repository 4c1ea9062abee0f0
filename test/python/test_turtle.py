"""Sandpit's turtle module against CPython's documented geometry, state and errors, and what it sends."""

import json
import math

import turtle
from conftest_support import raises


class Device:
    """Stands in for the worker's graphics device."""

    def __init__(self):
        self.lines = []

    def write(self, data):
        self.lines.extend(data.decode("utf-8").splitlines())


def fresh(can_sleep=False, wait_event=None, ask_line=None):
    """A new screen and default turtle; returns the list of sleeps animation asked for."""
    screen = turtle._screen
    turtle._sink._device = Device()
    screen._reset_state()
    screen._started = False
    turtle._anonymous.clear()
    turtle._sink.take()
    slept = []
    turtle._connect(wait_event, ask_line, can_sleep)
    turtle._host.sleep = slept.append
    return slept


def sent():
    device = turtle._sink._device
    lines, device.lines = device.lines + turtle._sink.take(), []
    return [json.loads(line) for line in lines]


def close(a, b, places=6):
    return abs(a - b) < 10 ** -places


def test_circle_with_extent_ends_where_the_documentation_says():
    fresh()
    t = turtle.Turtle()
    t.circle(50, 90)
    x, y = t.position()
    assert close(x, 50) and close(y, 50)
    assert close(t.heading(), 90)
    t.circle(50, 270)
    assert abs(t.xcor()) < 1e-6 and abs(t.ycor()) < 1e-6
    assert close(t.heading(), 0) or close(t.heading(), 360)


def test_circle_with_negative_radius_turns_clockwise_and_steps_make_a_polygon():
    fresh()
    t = turtle.Turtle()
    t.circle(-50, 90)
    assert close(t.xcor(), 50) and close(t.ycor(), -50)
    assert close(t.heading(), 270)
    sent()
    t.circle(30, steps=6)
    assert sum(1 for c in sent() if c[0] == "line") == 6


def test_goto_towards_distance_and_headings():
    fresh()
    t = turtle.Turtle()
    t.goto(30, 40)
    assert repr(t.pos()) == "(30.00,40.00)"
    assert close(t.distance(0, 0), 50)
    assert close(t.towards(0, 0), (math.degrees(math.atan2(-40, -30)) % 360))
    t.home()
    assert t.position() == (0, 0) and t.heading() == 0
    t.left(90)
    assert close(t.heading(), 90)
    t.right(135)
    assert close(t.heading(), 315)
    t.setheading(180)
    assert close(t.heading(), 180)
    t.forward(10)
    assert close(t.xcor(), -10) and abs(t.ycor()) < 1e-9
    t.setx(5)
    t.sety(-7)
    assert t.position() == (5, -7)
    assert close(t.towards(t.position() + turtle.Vec2D(0, 10)), 90)


def test_logo_mode_and_radians():
    fresh()
    t = turtle.Turtle()
    turtle.mode("logo")
    assert close(t.heading(), 0)
    t.forward(10)
    assert abs(t.xcor()) < 1e-9 and close(t.ycor(), 10)
    t.right(90)
    assert close(t.heading(), 90)
    turtle.mode("standard")
    t.radians()
    t.left(math.pi / 2)
    assert close(t.heading(), math.pi / 2)


def test_colours_names_hex_tuples_and_the_errors_cpython_gives():
    fresh()
    t = turtle.Turtle()
    t.pencolor("red")
    assert t.pencolor() == "red"
    t.pencolor("#00ff00")
    assert t.pencolor() == (0.0, 1.0, 0.0)
    t.pencolor(0, 0, 1.0)
    assert t.pencolor() == (0.0, 0.0, 1.0)
    turtle.colormode(255)
    t.fillcolor(255, 128, 0)
    assert t.fillcolor() == (255, 128, 0)
    t.color("blue", (10, 20, 30))
    assert t.color() == ("blue", (10, 20, 30))
    error = raises(turtle.TurtleGraphicsError, t.pencolor, (300, 0, 0))
    assert "bad color sequence" in str(error)
    turtle.colormode(1.0)
    raises(turtle.TurtleGraphicsError, t.pencolor, (255, 0, 0))
    error = raises(turtle.TurtleGraphicsError, t.pencolor, "not-a-colour")
    assert str(error) == "bad color string: not-a-colour"
    raises(turtle.TurtleGraphicsError, turtle.colormode, 100)
    raises(turtle.TurtleGraphicsError, t.shape, "dragon")
    raises(TypeError, t.forward, "10")
    t.pencolor("Light Blue")
    t.forward(1)
    assert [c for c in sent() if c[0] == "line"][-1][6] == "#add8e6"


def test_speed_names_numbers_and_state_queries():
    fresh()
    t = turtle.Turtle()
    assert t.speed() == 3
    t.speed("fastest")
    assert t.speed() == 0
    t.speed(11)
    assert t.speed() == 0
    t.speed(5.6)
    assert t.speed() == 6
    raises(turtle.TurtleGraphicsError, t.speed, "warp")
    assert t.isdown() and t.isvisible()
    t.penup()
    t.hideturtle()
    assert not t.isdown() and not t.isvisible()
    t.pensize(5)
    assert t.width() == 5
    assert turtle.Screen() is turtle.Screen()
    assert turtle.Screen().window_width() == 400 and turtle.Screen().window_height() == 400


def test_drawing_commands_lines_fill_dots_stamps_and_text():
    fresh()
    t = turtle.Turtle()
    t.speed(0)
    t.begin_fill()
    for _ in range(4):
        t.forward(50)
        t.left(90)
    assert t.filling()
    t.end_fill()
    t.dot(20, "red")
    stamp = t.stamp()
    t.clearstamp(stamp)
    t.write("<b>hi</b> & \"bye\"", align="center", font=("Courier", 14, "bold"))
    commands = sent()
    kinds = [c[0] for c in commands]
    assert kinds[0] == "screen" and commands[0][1:3] == [400, 400]
    assert kinds.count("line") == 4
    fill = next(c for c in commands if c[0] == "fill")
    assert fill[2][:2] == [0, 0] and len(fill[2]) == 10
    assert next(c for c in commands if c[0] == "dot")[4:] == [20.0, "#ff0000"]
    assert ["unstamp", stamp] in commands
    text = next(c for c in commands if c[0] == "text")
    assert text[4] == "<b>hi</b> & \"bye\"" and text[5:9] == ["center", "Courier", 14, "bold"]


def test_pen_up_moves_draw_nothing_and_tracer_zero_holds_turtle_updates():
    fresh()
    t = turtle.Turtle()
    sent()
    t.penup()
    t.forward(100)
    assert not any(c[0] == "line" for c in sent())
    turtle.tracer(0)
    t.pendown()
    sent()
    for _ in range(10):
        t.forward(5)
    commands = sent()
    assert sum(1 for c in commands if c[0] == "line") == 10
    assert not any(c[0] == "turtle" for c in commands)
    turtle.update()
    commands = sent()
    assert commands[-1] == ["update"] and any(c[0] == "turtle" for c in commands)


def test_animation_waits_between_hops_at_slow_speeds_and_not_at_speed_zero():
    slept = fresh(can_sleep=True)
    t = turtle.Turtle()
    t.speed(1)
    t.forward(100)
    slow = len(slept)
    assert slow >= 20
    del slept[:]
    t.speed(10)
    t.forward(100)
    assert 0 < len(slept) < slow / 4
    del slept[:]
    t.speed(0)
    t.forward(100)
    t.left(90)
    assert slept == []
    t.speed(1)
    turtle.tracer(0)
    t.forward(100)
    assert slept == []


def test_key_click_and_timer_handlers_run_in_mainloop_until_no_event_can_come():
    events = [json.dumps({"type": "key", "key": "Up", "down": True}),
              json.dumps({"type": "key", "key": "Up", "down": False}),
              json.dumps({"type": "click", "x": 10, "y": 20, "button": 1}), ""]
    waits = []

    def wait_event(timeout):
        waits.append(timeout)
        return events.pop(0) if events else None

    fresh(wait_event=wait_event)
    t = turtle.Turtle()
    seen = []
    turtle.onkeypress(lambda: seen.append("press"), "Up")
    turtle.onkey(lambda: seen.append("release"), "Up")
    turtle.onscreenclick(lambda x, y: seen.append(("click", x, y)))
    turtle.ontimer(lambda: seen.append("timer"), 0)
    turtle.listen()
    turtle.mainloop()
    assert [s for s in seen if s != "timer"] == ["press", "release", ("click", 10.0, 20.0)]
    assert "timer" in seen
    assert waits[0] in (0, -1)
    assert t.position() == (0, 0)


def test_exitonclick_ends_on_a_click_and_bye_closes_the_turtle():
    events = [json.dumps({"type": "click", "x": 0, "y": 0, "button": 1})]
    fresh(wait_event=lambda timeout: events.pop(0) if events else None)
    t = turtle.Turtle()
    turtle.exitonclick()
    assert events == []
    raises(turtle.Terminator, t.forward, 10)


def test_done_without_handlers_returns_at_once_and_textinput_asks_a_line():
    asked = []

    def ask(prompt):
        asked.append(prompt)
        return "42"

    fresh(wait_event=lambda timeout: (_ for _ in ()).throw(AssertionError("waited")), ask_line=ask)
    turtle.forward(10)
    turtle.done()
    assert turtle.textinput("Name", "Who are you?") == "42"
    assert turtle.numinput("Age", "How old?", minval=0) == 42.0
    assert asked[0] == "Name: Who are you? "


def test_the_module_hands_out_no_withheld_module():
    names = {name for name in dir(turtle) if not name.startswith("__")}
    assert "sys" not in names and "os" not in names
    assert not any(getattr(getattr(turtle, name), "__name__", "") in ("sys", "os", "builtins")
                   for name in names)
