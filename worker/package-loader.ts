import type { PyodideAPI } from 'pyodide';
import type { PythonErrorReport } from '../src/wire/protocol';

/** The build's list of packages a teacher added (tools/pyodide-packages.ts writes it next to the lock file). */
export const PACKAGE_INDEX_FILE = 'sandpit-packages.json';

export interface PackageIndexFile {
  /** The packages the build ships, with the top-level modules each provides. */
  readonly packages: readonly { readonly name: string; readonly imports: readonly string[] }[];
  /** Top-level modules of Pyodide's packages the build does not ship, for a clearer ModuleNotFoundError. */
  readonly notIncluded: readonly string[];
}

/**
 * Loads the packages a program imports, from the build's own package folder, just before the program runs.
 *
 * The worker has no `fetch` once it is locked down, so this keeps its own: taken at boot, before the
 * lockdown, and handed to Pyodide only while it installs packages (no program code runs meanwhile: every
 * run has a fresh interpreter, and the program starts after this returns). Even then it fetches nothing
 * but package files from the package folder.
 */
export class PackageLoader {
  private constructor(
    private readonly byImport: ReadonlyMap<string, string>,
    private readonly notIncluded: ReadonlySet<string>,
    private readonly packageFetch: typeof fetch,
  ) {}

  /** Reads the build's package list; a build without one (or an unreadable one) offers no packages. */
  static async create(indexURL: string, realFetch: typeof fetch): Promise<PackageLoader> {
    const folder = new URL(indexURL, location.href);
    const byImport = new Map<string, string>();
    const notIncluded = new Set<string>();
    try {
      const response = await realFetch(new URL(PACKAGE_INDEX_FILE, folder));
      if (response.ok) {
        const index = (await response.json()) as PackageIndexFile;
        for (const entry of index.packages)
          for (const name of entry.imports) byImport.set(String(name), String(entry.name));
        for (const name of index.notIncluded) notIncluded.add(String(name));
      }
    } catch {
      // No package list: the standard library only.
    }
    const packageFetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      // No `instanceof Request`: the lockdown removed Request from the scope.
      const href = input instanceof URL ? input.href : typeof input === 'string' ? input : input.url;
      const url = new URL(href, folder);
      const inFolder = url.origin === folder.origin && url.pathname.startsWith(folder.pathname);
      if (!inFolder || !/\.(whl|zip)$/.test(url.pathname))
        return Promise.reject(new TypeError(`[sandpit] not a package file: ${url.href}`));
      return realFetch(url, init);
    }) as typeof fetch;
    return new PackageLoader(byImport, notIncluded, packageFetch);
  }

  /** The packages providing the top-level modules `code` imports (found by Pyodide's own import scan). */
  packagesFor(pyodide: PyodideAPI, code: string): string[] {
    if (this.byImport.size === 0) return [];
    const codeModule = pyodide.pyimport('pyodide.code') as unknown as {
      find_imports(source: string): { toJs(): string[]; destroy(): void };
      destroy(): void;
    };
    let imports: string[] = [];
    try {
      const found = codeModule.find_imports(code);
      imports = found.toJs();
      found.destroy();
    } catch {
      // A syntax error: the run reports it; there is nothing to load.
    } finally {
      codeModule.destroy();
    }
    return [...new Set(imports.flatMap((name) => this.byImport.get(name) ?? []))];
  }

  /** `import numpy` on a build without numpy: the error says that it exists and who can add it. */
  explainMissing(error: PythonErrorReport): PythonErrorReport {
    const missing = /^No module named '([^'.]+)/.exec(error.message)?.[1];
    if (error.type !== 'ModuleNotFoundError' || missing === undefined || !this.notIncluded.has(missing))
      return error;
    const hint = `${missing} is one of Pyodide's packages, but this Sandpit was built without it; a teacher can add it (see "Packages" in Sandpit's README).`;
    return { ...error, traceback: `${error.traceback.replace(/\n?$/, '\n')}${hint}\n` };
  }

  /**
   * Installs `names` and what they depend on (through the lock file). Returns the Python distributions
   * installed (for sandpit_isolation.trust_installed) and, when something failed, a message for the learner.
   */
  async load(
    pyodide: PyodideAPI,
    names: readonly string[],
  ): Promise<{ installed: string[]; problem: string | null }> {
    const errors: string[] = [];
    let loaded: { name: string; packageType: string }[] = [];
    const scope = globalThis as { fetch?: typeof fetch };
    scope.fetch = this.packageFetch;
    try {
      loaded = await pyodide.loadPackage([...names], {
        messageCallback: () => {},
        errorCallback: (message) => errors.push(message),
        checkIntegrity: true,
      });
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    } finally {
      delete scope.fetch;
    }
    return {
      // Shared libraries have no Python distribution metadata; their code is reached through a package.
      installed: loaded.filter((data) => data.packageType === 'package').map((data) => data.name),
      problem:
        errors.length === 0 ? null : `Sandpit could not load ${names.join(', ')}: ${errors.join('; ')}\n`,
    };
  }
}
