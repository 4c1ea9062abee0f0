import { readFile } from 'node:fs/promises';
import type { Locator } from '@playwright/test';
import { expect, test } from './support/scratch-pad';
import { test as widgetTest } from './support/widget-page';

/** The colour of the drawing at turtle coordinates (x, y), read from the contract's canvas. */
async function colourAt(graphics: Locator, x: number, y: number): Promise<[number, number, number]> {
  return graphics.evaluate(
    (root, [tx, ty]) => {
      const canvas = root.querySelector('canvas') as HTMLCanvasElement;
      const ratio = canvas.width / Number(root.getAttribute('data-width'));
      const px = Math.round((tx + Number(root.getAttribute('data-width')) / 2) * ratio);
      const py = Math.round((Number(root.getAttribute('data-height')) / 2 - ty) * ratio);
      const [r, g, b] = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(px, py, 1, 1).data;
      return [r, g, b] as [number, number, number];
    },
    [x, y] as const,
  );
}

const FILLED_SQUARE = `import turtle
t = turtle.Turtle()
t.speed(0)
t.color("red")
t.begin_fill()
for _ in range(4):
    t.forward(100)
    t.left(90)
t.end_fill()
t.hideturtle()
`;

test('a filled square lands where turtle geometry puts it, and the next run starts clean', async ({
  pad,
}) => {
  await pad.open({ code: FILLED_SQUARE });
  const graphics = pad.page.getByTestId('graphics');
  expect(await pad.run()).toBe('ok');
  await expect(graphics).toHaveAttribute('data-runs', '1');
  await expect(graphics).toHaveAttribute('data-width', '400');
  await expect(graphics).toHaveAttribute('data-height', '400');
  expect(await colourAt(graphics, 50, 50)).toEqual([255, 0, 0]); // inside: (0, 0) to (100, 100), y up
  expect(await colourAt(graphics, -50, -50)).toEqual([255, 255, 255]);
  expect(await colourAt(graphics, 50, -50)).toEqual([255, 255, 255]);
  await expect(graphics.locator('canvas')).toHaveAttribute('aria-label', /4 lines and 1 filled shape/);
  // The pane keeps the surface square, and the drawing downloads as a PNG.
  const box = await graphics.locator('canvas').boundingBox();
  expect(box && Math.abs(box.width - box.height)).toBeLessThanOrEqual(1);
  const [download] = await Promise.all([
    pad.page.waitForEvent('download'),
    graphics.getByTestId('download-png').click(),
  ]);
  expect(download.suggestedFilename()).toBe('drawing.png');
  const png = await readFile(await download.path());
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');

  await pad.setCode('import turtle\nturtle.bgcolor("blue")\nturtle.setup(600, 300)\nturtle.dot(10)\n');
  expect(await pad.run()).toBe('ok');
  await expect(graphics).toHaveAttribute('data-runs', '2');
  await expect(graphics).toHaveAttribute('data-width', '600');
  await expect(graphics).toHaveAttribute('data-height', '300');
  expect(await colourAt(graphics, 50, 50)).toEqual([0, 0, 255]); // the square is gone, the background blue
  expect(await colourAt(graphics, 0, 0)).toEqual([0, 0, 0]); // the dot
});

test('animation waits as speed() asks; speed(0) draws at once', async ({ pad }) => {
  const timed = (speed: number) => `import time, turtle
t = turtle.Turtle()
t.speed(${speed})
start = time.monotonic()
for _ in range(2):
    t.forward(150)
    t.left(90)
print("took", round(time.monotonic() - start, 2))
`;
  await pad.open({ code: timed(1) });
  expect(await pad.run()).toBe('ok');
  const slow = Number((await pad.output.textContent())?.match(/took ([\d.]+)/)?.[1]);
  await pad.setCode(timed(0), 'speed(0)');
  expect(await pad.run()).toBe('ok');
  const fast = Number((await pad.output.textContent())?.match(/took ([\d.]+)/)?.[1]);
  // forward(150) at speed 1 is 46 hops of 10 ms; the turns are animated too.
  expect(slow).toBeGreaterThan(0.9);
  expect(fast).toBeLessThan(slow / 3);
});

test('a key press moves the turtle of an onkey program, waiting does not count, Stop ends mainloop()', async ({
  pad,
}) => {
  const code = `import turtle
t = turtle.Turtle()
t.left(90)
def up():
    t.forward(50)
    print("moved to", t.ycor())
turtle.onkey(up, "Up")
turtle.ontimer(lambda: print("still waiting"), 7000)
turtle.listen()
turtle.mainloop()
`;
  // Six seconds of running time to reach mainloop(): under the whole suite on 2 cores, 3 s was not enough.
  await pad.open({ code, timeoutSeconds: 6 });
  await pad.runButton.click();
  const canvas = pad.page.getByTestId('graphics').locator('canvas');
  // Past the 6 s time limit while it waits for keys: waiting is not running.
  await expect(pad.output).toContainText('still waiting');
  await canvas.press('ArrowUp');
  await expect(pad.output).toContainText('moved to 50.0');
  await canvas.press('ArrowUp');
  await expect(pad.output).toContainText('moved to 100.0');
  await pad.stopButton.click();
  await expect(pad.status).toHaveAttribute('data-last-result', 'stopped');
});

test('a key handler that loops forever is still ended by the time limit', async ({ pad }) => {
  const code = `import turtle
def spin():
    while True:
        pass
turtle.onkeypress(spin, "space")
turtle.listen()
turtle.done()
`;
  await pad.open({ code, timeoutSeconds: 2 });
  await pad.runButton.click();
  const canvas = pad.page.getByTestId('graphics').locator('canvas');
  await expect(canvas).toBeVisible();
  await canvas.press(' ');
  await expect(pad.status).toHaveAttribute('data-last-result', 'timeout', { timeout: 20_000 });
});

test("write() text is drawn as text, never markup, and named in the drawing's description", async ({
  pad,
}) => {
  const hostile = '<img src=x onerror="document.title=1">';
  await pad.open({
    code: `import turtle\nturtle.write(${JSON.stringify(hostile)}, font=("</style><b>", 12, "bold"))\n`,
  });
  expect(await pad.run()).toBe('ok');
  const graphics = pad.page.getByTestId('graphics');
  await expect(graphics).toHaveAttribute('data-runs', '1');
  await expect(graphics.locator('canvas')).toHaveAttribute('aria-label', /1 text \("<img src=x/);
  expect(await pad.page.locator('img, b').count()).toBe(0);
  expect(await pad.page.title()).not.toBe('1');
});

widgetTest('a widget draws with turtle inside itself', async ({ page, widgets }) => {
  await page.goto('./embed.html');
  await page.evaluate(() => {
    const widget = document.createElement('sandpit-python');
    widget.id = 'turtle-widget';
    widget.textContent = 'import turtle\nturtle.pensize(20)\nturtle.forward(100)\n';
    document.querySelector('main')?.prepend(widget);
  });
  const widget = widgets('turtle-widget');
  expect(await widget.run()).toBe('ok');
  const graphics = widget.element.getByTestId('graphics');
  await expect(graphics).toHaveAttribute('data-runs', '1');
  await expect(graphics).toBeVisible();
  expect(await colourAt(graphics, 50, 0)).toEqual([0, 0, 0]);
  expect(await colourAt(graphics, 50, 30)).toEqual([255, 255, 255]);
});
