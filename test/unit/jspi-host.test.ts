import { afterEach, describe, expect, it } from 'vitest';
import type { WireChunk } from '../../src/wire/protocol';
import { SIGINT } from '../../src/wire/shared-memory';
import { createJspiHost, YIELD_INTERVAL_MS, YIELD_SIGNAL } from '../../worker/jspi-host';
import { OUTPUT_IN_FLIGHT_LIMIT } from '../../worker/program-host';

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

/** A JSPI host on a real MessageChannel (the page's end is `page`), with a clock the test moves. */
function host() {
  const channel = new MessageChannel();
  channels.push(channel);
  const clock = { now: 0 };
  const posted: (readonly WireChunk[])[] = [];
  const asked: string[] = [];
  const jspi = createJspiHost(
    channel.port2,
    {
      post: (chunks) => posted.push(chunks),
      requestLine: (prompt) => asked.push(prompt),
      requestEvent: () => {},
      flushOutput: () => {},
      reportInterruptReceived: () => {},
    },
    { now: () => clock.now, turn: () => Promise.resolve() },
  );
  const page = channel.port1;
  /** Lets the worker's port deliver what the page posted. */
  const delivered = () => new Promise((resolve) => setTimeout(resolve, 5));
  return { jspi, page, clock, posted, asked, delivered };
}

const batch = (chars: number): readonly WireChunk[] => [{ stream: 'stdout', text: 'x'.repeat(chars) }];

describe('the JSPI host', () => {
  it('asks a running program to yield once per interval, never while idle', () => {
    const { jspi, clock } = host();
    expect(jspi.signals.take()).toBe(0);
    jspi.setRunning(true);
    expect(jspi.signals.take()).toBe(0);
    clock.now += YIELD_INTERVAL_MS;
    expect(jspi.signals.take()).toBe(YIELD_SIGNAL);
    expect(jspi.signals.take()).toBe(0);
    jspi.setRunning(false);
    clock.now += 10 * YIELD_INTERVAL_MS;
    expect(jspi.signals.take()).toBe(0);
  });

  it('turns Stop into a yield at once, and the yield handler finds SIGINT (never the tick)', async () => {
    const { jspi, page, delivered } = host();
    jspi.setRunning(true);
    page.postMessage({ type: 'interrupt' });
    await delivered();
    expect(jspi.signals.take()).toBe(YIELD_SIGNAL);
    expect(jspi.functions.take_signal()).toBe(SIGINT);
    expect(jspi.functions.take_signal()).toBe(0);
  });

  it('answers input() with the line the page sends, and with "interrupted" on Stop', async () => {
    const { jspi, page, asked, delivered } = host();
    jspi.setRunning(true);
    const line = jspi.functions.read_line('Name? ');
    expect(asked).toEqual(['Name? ']);
    page.postMessage({ type: 'input', line: 'Ada' });
    expect(await line).toBe('Ada');
    const eof = jspi.functions.read_line('More? ');
    page.postMessage({ type: 'input', line: null });
    expect(await eof).toBeUndefined();
    const stopped = jspi.functions.read_line('Again? ');
    page.postMessage({ type: 'interrupt' });
    expect(await stopped).toBe(false);
    await delivered();
  });

  it('asks for no yield between a wait being answered and Python saying it is back on the program', async () => {
    // Pyodide runs Python code of its own to hand the answer over: a yield there would take Stop with it.
    const { jspi, page, clock } = host();
    jspi.setRunning(true);
    const stopped = jspi.functions.read_line('? ');
    page.postMessage({ type: 'interrupt' });
    expect(await stopped).toBe(false);
    clock.now += 10 * YIELD_INTERVAL_MS;
    expect(jspi.signals.take()).toBe(0);
    jspi.functions.resumed();
    expect(jspi.signals.take()).toBe(YIELD_SIGNAL);
    expect(jspi.functions.take_signal()).toBe(SIGINT);

    const slept = jspi.functions.sleep(1);
    expect(await slept).toBe(false);
    clock.now += 10 * YIELD_INTERVAL_MS;
    expect(jspi.signals.take()).toBe(0);
    jspi.functions.resumed();
    expect(jspi.signals.take()).toBe(YIELD_SIGNAL);
  });

  it('wakes a sleep early on Stop, and lets it run its course otherwise', async () => {
    const { jspi, page } = host();
    jspi.setRunning(true);
    expect(await jspi.functions.sleep(5)).toBe(false);
    const long = jspi.functions.sleep(60_000);
    page.postMessage({ type: 'interrupt' });
    expect(await long).toBe(true);
  });

  it('holds output beyond the in-flight limit until the page gives credit back; Stop lets it all go', async () => {
    const { jspi, page, posted, delivered } = host();
    jspi.setRunning(true);
    jspi.send(batch(OUTPUT_IN_FLIGHT_LIMIT + 1));
    jspi.send(batch(10));
    jspi.send(batch(10));
    expect(posted).toHaveLength(1);
    expect(jspi.signals.take()).toBe(YIELD_SIGNAL); // behind: yield at the next poll, whatever the clock
    const yielded = jspi.functions.yield_now();
    page.postMessage({ type: 'credit', chars: OUTPUT_IN_FLIGHT_LIMIT + 1 });
    await yielded;
    expect(posted).toHaveLength(3);

    jspi.send(batch(OUTPUT_IN_FLIGHT_LIMIT * 2));
    jspi.send(batch(10));
    expect(posted).toHaveLength(4);
    page.postMessage({ type: 'interrupt' });
    await delivered();
    expect(posted).toHaveLength(5);
    await jspi.settle();
  });

  it('ignores messages that are not of the protocol', async () => {
    const { jspi, page, delivered } = host();
    jspi.setRunning(true);
    page.postMessage({ type: 'interrupt!' });
    page.postMessage({ type: 'credit', chars: 'lots' });
    page.postMessage(null);
    await delivered();
    expect(jspi.functions.take_signal()).toBe(0);
  });
});

describe('the JSPI host asking for yields', () => {
  it('asks once until the program has yielded, so handlers never nest; a dropped ask expires', () => {
    const { jspi, clock } = host();
    jspi.setRunning(true);
    clock.now += YIELD_INTERVAL_MS;
    expect(jspi.signals.take()).toBe(YIELD_SIGNAL);
    clock.now += YIELD_INTERVAL_MS;
    expect(jspi.signals.take()).toBe(0); // asked, not yet yielded
    clock.now += 3 * YIELD_INTERVAL_MS;
    expect(jspi.signals.take()).toBe(YIELD_SIGNAL); // the first ask was dropped: ask again
    void jspi.functions.yield_now();
    clock.now += YIELD_INTERVAL_MS;
    expect(jspi.signals.take()).toBe(0); // suspended in the yield
  });
});
