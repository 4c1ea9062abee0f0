/**
 * The red-team suite: every attack program under test/security/attacks/, grouped by the threat model's
 * categories, run in the real scratch pad in Chromium. Each must end as its header says (blocked with a
 * clear message, or contained), and around every attack the walls' invariants must hold: no request
 * reaches another origin, the origin's storage is unchanged, no output turned into markup, and the next
 * run is clean.
 */
import { encodeCode } from '../../src/share/share-link.ts';
import { expect, test } from '../e2e/support/scratch-pad.ts';
import { loadAttacks } from './support/attack-files.ts';
import { foreignMarkupInConsole, foreignMarkupInGraphics, originState } from './support/invariants.ts';
import { RECORDING_PORT, RecordingServer } from './support/recording-server.ts';

// One recording server on a fixed port (the attacks aim at it), so this file's tests share one worker.
test.describe.configure({ mode: 'serial' });

const attacks = loadAttacks();
const recorder = new RecordingServer();
const ESCAPED = 'SANDBOX-ESCAPED';

/**
 * The recording server's port: 4190, which the attacks name, unless the project gives another (the suite
 * runs twice at once, isolated and not); the attacks' code is then pointed at it.
 */
function recordingPort(metadata: Record<string, unknown>): number {
  const port = metadata['recordingPort'];
  return typeof port === 'number' ? port : RECORDING_PORT;
}

test.beforeAll(async () => {
  await recorder.start(recordingPort(test.info().project.metadata));
});

test.afterAll(async () => {
  await recorder.stop();
});

for (const [category, list] of attacks) {
  test(`red team: ${category}`, async ({ pad }) => {
    test.setTimeout(60_000 + list.length * 30_000);
    // Eight seconds: the attacks that loop end by it, and a simple one stays far from it even with both
    // red-team projects and a spare's start-up sharing two cores (5 s was once reached by a trivial one).
    await pad.open({ code: 'print("ready")', timeoutSeconds: 8 });
    // The spare's start-up (seconds of CPU) is over before the first attack runs.
    await pad.waitForWarmSpares();
    const before = await originState(pad.page);
    let runs = 0;
    const run = async (code: string) => {
      await pad.page.evaluate((hash) => (location.hash = hash), `code=${encodeCode(code)}`);
      await expect(pad.page.getByTestId('notice')).toContainText('Opened the shared code');
      await pad.page.getByTestId('notice').locator('.notice-close').click();
      await pad.waitForState('ready');
      runs += 1;
      await pad.runButton.click();
      const result = await pad.waitForRunsToReach(runs);
      return { result, output: await pad.outputText() };
    };

    const port = String(recordingPort(test.info().project.metadata));
    for (const attack of list) {
      const where = `${category}/${attack.name}: ${attack.description}`;
      const { result, output } = await run(attack.code.replaceAll(String(RECORDING_PORT), port));
      if (attack.expect.kind !== 'bypass') expect(output, where).not.toContain(ESCAPED);
      if (attack.expect.kind === 'blocked') {
        expect(result, `${where}\n${output}`).toBe('error');
        expect(output, where).toMatch(attack.expect.message);
      } else if (attack.expect.statuses.length > 0) {
        expect(attack.expect.statuses, `${where}\n${output}`).toContain(result);
      }
      expect(await foreignMarkupInConsole(pad.page), where).toEqual([]);
      expect(await foreignMarkupInGraphics(pad.page), where).toEqual([]);
      expect(recorder.requests, where).toEqual([]);
      expect(await originState(pad.page), where).toEqual(before);

      // The page lives and the next run starts clean.
      const canary = await run('import sys, math\nprint("canary", "leftover" in globals(), math.pi > 3.14)');
      expect(canary.result, `after ${where}\n${canary.output}`).toBe('ok');
      expect(canary.output, `after ${where}`).toBe('canary False True\n');
    }
  });
}
