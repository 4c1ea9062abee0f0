import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeWheel } from '../fixtures/make-wheel';
import { PackageFolderError, planPackages, type PyodideLock } from '../../tools/pyodide-packages';
import { pyodideDirectory } from '../../tools/vite-plugin-pyodide-assets';
import { readZipEntries } from '../../tools/zip-reader';

const pyodideLock = JSON.parse(
  readFileSync(path.join(pyodideDirectory(), 'pyodide-lock.json'), 'utf8'),
) as PyodideLock;

const greet = makeWheel({
  name: 'course_helpers',
  version: '1.2',
  files: { 'course_helpers/__init__.py': 'def greet(name):\n    return f"hello {name}"\n' },
});

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof PackageFolderError) return error.problems;
    throw error;
  }
  throw new Error('expected a PackageFolderError');
}

describe('readZipEntries', () => {
  it('reads the files of a wheel', () => {
    const entries = readZipEntries(greet.bytes);
    expect(entries.map((entry) => entry.name)).toContain('course_helpers/__init__.py');
    expect(
      entries
        .find((entry) => entry.name.endsWith('top_level.txt'))
        ?.read()
        .toString(),
    ).toBe('course_helpers\n');
  });

  it('refuses what is not a zip', () => {
    expect(() => readZipEntries(Buffer.from('not a zip at all, just some text long enough'))).toThrow(
      /not a zip/,
    );
  });
});

describe('planPackages', () => {
  it('ships nothing and lists nothing for an empty folder, and leaves the lock file as it was', () => {
    const plan = planPackages(pyodideLock, []);
    expect(plan.files).toEqual([]);
    expect(plan.index.packages).toEqual([]);
    expect(plan.index.notIncluded).toContain('numpy');
    expect(plan.lock).toEqual(pyodideLock);
  });

  it('gives a pure-Python wheel a lock entry with its checksum and import names', () => {
    const plan = planPackages(pyodideLock, [greet]);
    const entry = plan.lock.packages['course-helpers'];
    expect(entry?.file_name).toBe(greet.fileName);
    expect(entry?.imports).toEqual(['course_helpers']);
    expect(entry?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(plan.index.packages).toEqual([{ name: 'course-helpers', imports: ['course_helpers'] }]);
    expect(plan.index.notIncluded).not.toContain('course_helpers');
    expect(plan.files.map((file) => file.fileName)).toEqual([greet.fileName]);
    // Pyodide's own entries are untouched.
    expect(plan.lock.packages['numpy']).toEqual(pyodideLock.packages['numpy']);
  });

  it("refuses a file that claims a Pyodide package's name but not its contents", () => {
    const numpy = pyodideLock.packages['numpy'];
    if (numpy === undefined) throw new Error('the lock file lists numpy');
    const problems = problemsOf(() =>
      planPackages(pyodideLock, [{ fileName: numpy.file_name, bytes: Buffer.from('fake') }]),
    );
    expect(problems[0]).toMatch(/checksum differs/);
  });

  it('refuses a compiled wheel from elsewhere, and names missing dependencies', () => {
    const needsNumpy = makeWheel({
      name: 'plots',
      version: '0.1',
      files: { 'plots.py': '' },
      requires: ['numpy'],
    });
    const problems = problemsOf(() =>
      planPackages(pyodideLock, [
        { fileName: 'fast-1.0-cp314-cp314-linux_x86_64.whl', bytes: Buffer.from('') },
        needsNumpy,
      ]),
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /neither one of this Pyodide release's package files nor a pure-Python wheel/,
    );
    expect(problems[1]).toMatch(/plots needs numpy: add numpy-.*\.whl to the folder too/);
  });
});
