import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readZipEntries } from './zip-reader.ts';

/** One package in Pyodide's lock file (pyodide-lock.json), as far as Sandpit reads or writes it. */
export interface LockPackage {
  name: string;
  version: string;
  file_name: string;
  install_dir: string;
  sha256: string;
  package_type: string;
  imports: string[];
  depends: string[];
  unvendored_tests: boolean;
  [other: string]: unknown;
}

export interface PyodideLock {
  info: Record<string, unknown>;
  packages: Record<string, LockPackage>;
}

export interface PackageFile {
  readonly fileName: string;
  readonly bytes: Buffer;
}

/** What the build ships: the package files, the lock file that lists them, and the list the worker reads. */
export interface PackagePlan {
  readonly files: readonly PackageFile[];
  readonly lock: PyodideLock;
  readonly index: { packages: { name: string; imports: string[] }[]; notIncluded: string[] };
}

/** Every problem with a teacher's package folder at once, so one build run shows them all. */
export class PackageFolderError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`[sandpit] the package folder has problems:\n  - ${problems.join('\n  - ')}`);
  }
}

/** PEP 503 name normalization: "Foo_Bar.baz" and "foo-bar-baz" are the same project. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The package files (wheels, and Pyodide's shared-library zips) in `folder`; none if it doesn't exist. */
export function readPackageFolder(folder: string): PackageFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => /\.(whl|zip)$/.test(name) && statSync(path.join(folder, name)).isFile())
    .sort()
    .map((fileName) => ({ fileName, bytes: readFileSync(path.join(folder, fileName)) }));
}

/**
 * A lock entry for a pure-Python wheel that isn't one of Pyodide's packages (a course's own helper
 * library, say): its import names from top_level.txt or its top-level entries, its dependencies from
 * the metadata's unconditional Requires-Dist lines.
 */
export function describePurePythonWheel(file: PackageFile): LockPackage {
  const [distribution, version] = file.fileName.split('-');
  if (distribution === undefined || version === undefined)
    throw new Error(`${file.fileName}: not a wheel name`);
  const entries = readZipEntries(file.bytes);
  const distInfo = `${distribution}-${version}.dist-info/`;
  const read = (name: string) =>
    entries
      .find((entry) => entry.name === distInfo + name)
      ?.read()
      .toString('utf8');
  const metadata = read('METADATA');
  if (metadata === undefined) throw new Error(`${file.fileName}: no ${distInfo}METADATA`);
  const topLevel = read('top_level.txt');
  const imports = topLevel
    ? topLevel.split('\n').map((line) => line.trim())
    : entries.map((entry) => entry.name.split('/')[0] ?? '').map((first) => first.replace(/\.py$/, ''));
  const depends = metadata
    .split('\n')
    .filter((line) => line.startsWith('Requires-Dist:') && !line.includes('extra =='))
    .map((line) => normalizeName(/^Requires-Dist:\s*([A-Za-z0-9._-]+)/.exec(line)?.[1] ?? ''));
  return {
    name: normalizeName(distribution),
    version,
    file_name: file.fileName,
    install_dir: 'site',
    sha256: sha256(file.bytes),
    package_type: 'package',
    imports: [...new Set(imports)].filter(
      (name) => /^[A-Za-z_]\w*$/.test(name) && !name.endsWith('.dist-info'),
    ),
    depends: [...new Set(depends)].filter((name) => name !== ''),
    unvendored_tests: false,
  };
}

/**
 * Checks a teacher's package files against Pyodide's lock file and plans what the build ships:
 * - a file Pyodide's lock lists must be that very file (same checksum), else it is from another release;
 * - any other file must be a pure-Python wheel (`*-none-any.whl`), which gets its own lock entry;
 * - every package's dependencies must be there too.
 */
export function planPackages(pyodideLock: PyodideLock, files: readonly PackageFile[]): PackagePlan {
  const lock: PyodideLock = structuredClone(pyodideLock);
  const byFileName = new Map(Object.values(lock.packages).map((entry) => [entry.file_name, entry]));
  const problems: string[] = [];
  const shipped = new Map<string, LockPackage>();
  const version = String(lock.info['version'] ?? lock.info['python'] ?? '');
  for (const file of files) {
    const known = byFileName.get(file.fileName);
    if (known !== undefined) {
      if (known.sha256 === sha256(file.bytes)) shipped.set(normalizeName(known.name), known);
      else
        problems.push(
          `${file.fileName} is not the file Pyodide's lock file lists (its checksum differs): take it from the Pyodide release that matches the npm package (Python ${version})`,
        );
      continue;
    }
    if (!file.fileName.endsWith('-none-any.whl')) {
      problems.push(
        `${file.fileName} is neither one of this Pyodide release's package files nor a pure-Python wheel (*-none-any.whl)`,
      );
      continue;
    }
    try {
      const entry = describePurePythonWheel(file);
      lock.packages[entry.name] = entry;
      shipped.set(entry.name, entry);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  for (const entry of shipped.values()) {
    for (const dependency of entry.depends) {
      if (shipped.has(normalizeName(dependency))) continue;
      const needed = lock.packages[dependency] ?? lock.packages[normalizeName(dependency)];
      problems.push(
        needed === undefined
          ? `${entry.name} needs ${dependency}, which is neither in the folder nor one of Pyodide's packages`
          : `${entry.name} needs ${dependency}: add ${needed.file_name} to the folder too`,
      );
    }
  }
  if (problems.length > 0) throw new PackageFolderError(problems);
  return {
    files: files.filter((file) => [...shipped.values()].some((entry) => entry.file_name === file.fileName)),
    lock,
    index: {
      packages: [...shipped.values()]
        .filter((entry) => entry.package_type === 'package')
        .map((entry) => ({ name: entry.name, imports: entry.imports }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      notIncluded: [
        ...new Set(
          Object.values(lock.packages)
            .filter((entry) => entry.package_type === 'package' && !shipped.has(normalizeName(entry.name)))
            .flatMap((entry) => entry.imports),
        ),
      ].sort(),
    },
  };
}
