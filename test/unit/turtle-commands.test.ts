import { describe, expect, it } from 'vitest';
import { describeDrawing } from '../../src/graphics/graphics-pane';
import { CommandLines, COMMAND_LIMITS, parseTurtleCommand } from '../../src/graphics/turtle-commands';
import { keysym } from '../../src/graphics/turtle-keys';
import { parseWorkerEvent } from '../../src/runtime/worker-message-guard';

describe('turtle drawing commands from the worker', () => {
  it('reads the commands turtle.py writes', () => {
    expect(parseTurtleCommand('["line",1,0,0,100.5,-20,"#ff0000",2]')).toEqual({
      kind: 'line',
      owner: 1,
      from: [0, 0],
      to: [100.5, -20],
      color: '#ff0000',
      width: 2,
    });
    expect(parseTurtleCommand('["screen",600,300,"#ffffff","Python Turtle Graphics"]')).toMatchObject({
      kind: 'screen',
      width: 600,
      height: 300,
    });
    expect(parseTurtleCommand('["fill",1,[0,0,10,0,10,10],"#00ff00"]')).toMatchObject({
      kind: 'fill',
      points: [
        [0, 0],
        [10, 0],
        [10, 10],
      ],
    });
    expect(
      parseTurtleCommand('["text",1,0,0,"<b>hi</b>","center","Courier",14,"bold italic","#000000"]'),
    ).toMatchObject({
      kind: 'text',
      text: '<b>hi</b>',
      font: { family: 'Courier', bold: true, italic: true },
    });
  });

  it('drops whatever is malformed, out of range or not a plain colour, whole', () => {
    for (const line of [
      '',
      'not json',
      '{"kind":"line"}',
      '["line",1,0,0,1e400,0,"#000000",1]',
      '["line",1,0,0,1e9,0,"#000000",1]',
      '["line",1,0,0,1,0,"red",1]',
      '["line",1,0,0,1,0,"#000000; background:url(x)",1]',
      '["line",-1,0,0,1,0,"#000000",1]',
      '["line",1,0,0,1,0,"#000000",-3]',
      '["screen",0,400,"#ffffff",""]',
      '["screen",5000,400,"#ffffff",""]',
      '["fill",1,[0,0,10],"#000000"]',
      `["text",1,0,0,"${'x'.repeat(COMMAND_LIMITS.maxTextChars + 1)}","left","Arial",8,"normal","#000000"]`,
      '["text",1,0,0,"hi","middle","Arial",8,"normal","#000000"]',
      '["eval","alert(1)"]',
    ]) {
      expect(parseTurtleCommand(line), line.slice(0, 60)).toBeNull();
    }
  });

  it('never lets a font family become CSS', () => {
    const command = parseTurtleCommand(
      '["text",1,0,0,"x","left","Arial\\"; font: 900px x","8","normal","#000000"]',
    );
    expect(command).toBeNull(); // the size is a string
    const named = parseTurtleCommand('["text",1,0,0,"x","left","a\\";}b",8,"normal","#000000"]');
    expect(named).toMatchObject({ font: { family: 'sans-serif' } });
  });

  it('puts lines split across batches back together, and drops an endless one', () => {
    const lines = new CommandLines();
    expect(lines.push('["update"]\n["li')).toEqual(['["update"]']);
    expect(lines.push('sten"]\n')).toEqual(['["listen"]']);
    expect(lines.push('x'.repeat(COMMAND_LIMITS.maxLineChars + 10))).toEqual([]);
    expect(lines.push('more\n["update"]\n')).toEqual(['["update"]']);
  });
});

describe('turtle keys and the drawing in words', () => {
  it('names keys as Tk does', () => {
    expect(keysym('ArrowUp')).toBe('Up');
    expect(keysym(' ')).toBe('space');
    expect(keysym('a')).toBe('a');
    expect(keysym('Enter')).toBe('Return');
    expect(keysym('Unidentified')).toBeNull();
  });

  it('says what was drawn in a sentence', () => {
    expect(
      describeDrawing({ lines: 4, filledShapes: 1, dots: 0, stamps: 0, texts: ['Hi'], dropped: 0 }, 400, 400),
    ).toBe('Turtle drawing, 400 by 400: 4 lines, 1 filled shape and 1 text ("Hi").');
    expect(
      describeDrawing({ lines: 0, filledShapes: 0, dots: 0, stamps: 0, texts: [], dropped: 0 }, 400, 300),
    ).toBe('Turtle drawing, 400 by 300: nothing drawn yet.');
  });
});

describe('the worker event guard', () => {
  it('takes graphics batches and event waits, and nothing odd about them', () => {
    expect(
      parseWorkerEvent({ type: 'output', runId: 1, chunks: [{ stream: 'graphics', text: '["update"]\n' }] }),
    ).toMatchObject({ chunks: [{ stream: 'graphics' }] });
    expect(parseWorkerEvent({ type: 'event-wait', runId: 1, timeoutMs: -1 })).toEqual({
      type: 'event-wait',
      runId: 1,
      timeoutMs: -1,
    });
    expect(() => parseWorkerEvent({ type: 'event-wait', runId: 1, timeoutMs: -5 })).toThrow();
    expect(() => parseWorkerEvent({ type: 'event-wait', runId: 1, timeoutMs: '10' })).toThrow();
    expect(() =>
      parseWorkerEvent({ type: 'output', runId: 1, chunks: [{ stream: 'html', text: 'x' }] }),
    ).toThrow();
  });
});
