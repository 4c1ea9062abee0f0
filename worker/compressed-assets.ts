/**
 * Pyodide's big files, fetched compressed whatever the host does. Many static hosts compress neither
 * `application/wasm` nor `application/octet-stream`, so the build writes a gzip copy beside each of these
 * (`pyodide.asm.wasm.gz`...) and the worker fetches that and inflates it with `DecompressionStream`: 9.6 MB
 * of WebAssembly crosses the wire as 3.5 MB on any host. A `.gz` file is already compressed, so a host that
 * compresses will not compress it again; a host that labels it `Content-Encoding: gzip` (some Apache
 * set-ups) has the browser inflate it, which the magic number shows, and then nothing is inflated twice.
 *
 * The WebAssembly's download (3.5 MB, the first thing fetched) tells whether the link is fast (the same
 * computer, a LAN) or slow (a school's shared line): the worker fetches the build's 6 MB snapshot only over
 * a fast one.
 */

/** Files the build also writes gzip-compressed, with the type their inflated body has. */
export const COMPRESSED_ASSETS: Readonly<Record<string, string>> = {
  'pyodide.asm.wasm': 'application/wasm',
  'pyodide-lock.json': 'application/json',
  'sandpit-snapshot.bin': 'application/octet-stream',
};

export const COMPRESSED_SUFFIX = '.gz';

/** The file whose download measures the link: the first big one Pyodide asks for. */
const PROBE_ASSET = 'pyodide.asm.wasm';
/**
 * 32 Mbit/s. The prebuilt snapshot (6 MB) saves Python's start-up from scratch, 2 to 5 s of CPU (5 s on
 * the 2-core test machine); at this rate it arrives in 1.5 s, so from here up it pays. A school's shared
 * 20 Mbit/s line stays below it. It was 100 Mbit/s, which localhost itself fell under (10.7 MB/s, by the
 * browser's own timing) while a loaded 2-core machine ran other pages: those pages then started Python
 * from scratch, for 30 s.
 */
export const FAST_LINK_BYTES_PER_SECOND = 4e6;

/** More than the probe's whole compressed file. */
const BUFFER_BYTES = 64 * 1024 * 1024;

const GZIP_MAGIC = [0x1f, 0x8b] as const;

export interface CompressedAssets {
  /** Fetches a file of Pyodide's folder, through its gzip copy when the build has one. */
  readonly fetch: typeof fetch;
  /**
   * Whether the probe's download ran at least at FAST_LINK_BYTES_PER_SECOND (false if it failed), or the
   * files come from `localhost`, this very computer, whatever the download's timing said.
   */
  fastLink(): Promise<boolean>;
}

/** The body, inflated if its first bytes say it is gzip, and as it is otherwise. */
async function inflateIfGzip(body: ReadableStream<Uint8Array<ArrayBuffer>>): Promise<ReadableStream> {
  const reader = body.getReader();
  const first = await reader.read();
  const whole = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      if (first.done) controller.close();
      else controller.enqueue(first.value);
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  const gzip = !first.done && first.value[0] === GZIP_MAGIC[0] && first.value[1] === GZIP_MAGIC[1];
  return gzip ? whole.pipeThrough(new DecompressionStream('gzip')) : whole;
}

/**
 * The rate the network delivered `url` at, from the browser's own resource timing (its clock is the
 * network stack's, so a worker starved of CPU on a busy machine doesn't make localhost look slow), or null
 * where the entry isn't there (yet, or at all, as in Node).
 */
async function networkRate(url: URL, bytes: number): Promise<number | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const entry = performance
      .getEntriesByName(url.href)
      .filter((candidate): candidate is PerformanceResourceTiming => 'responseEnd' in candidate)
      .at(-1);
    if (entry !== undefined && entry.responseEnd > 0) {
      const seconds = (entry.responseEnd - entry.responseStart) / 1000;
      return seconds <= 0 ? Infinity : (entry.encodedBodySize || bytes) / seconds;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return null;
}

/**
 * Passes the body through, buffering all of it (the download must go on while nobody reads it: the
 * reader, Pyodide's loader, waits for the verdict), and reports the rate once it has all arrived.
 */
function timeDownload(
  body: ReadableStream<Uint8Array<ArrayBuffer>>,
  url: URL,
  report: (bytesPerSecond: number) => void,
): ReadableStream<Uint8Array<ArrayBuffer>> {
  const started = performance.now();
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>(
      {
        transform(chunk, controller) {
          seen += chunk.byteLength;
          controller.enqueue(chunk);
        },
        async flush() {
          const ownSeconds = Math.max((performance.now() - started) / 1000, 1e-6);
          report((await networkRate(url, seen)) ?? seen / ownSeconds);
        },
      },
      undefined,
      { highWaterMark: BUFFER_BYTES, size: (chunk) => chunk.byteLength },
    ),
  );
}

function assetName(url: URL): string | null {
  const name = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  return Object.hasOwn(COMPRESSED_ASSETS, name) ? name : null;
}

/**
 * The fetch the worker gives Pyodide while it loads. The probe's download starts at once, before Pyodide
 * asks for it, so the link is known by the time the snapshot is decided.
 */
export function createCompressedAssets(
  indexURL: string,
  realFetch: typeof fetch,
  options: { readonly contentAddressed?: boolean } = {},
): CompressedAssets {
  // In a content-addressed folder (the build's `pyodide/<hash>/`) any copy the browser holds is the right
  // one: every interpreter after the first takes the files from the HTTP cache, even where the host sent
  // no caching headers (which would otherwise mean downloading them again for each).
  const fetcher: typeof fetch = options.contentAddressed
    ? (input, init) => realFetch(input, { ...init, cache: 'force-cache' })
    : realFetch;
  // A page opened as localhost has no link to measure: its download's time is the machine's load (1.4 s
  // for the 3.5 MB, measured while the test suite loaded both cores), and starting Python from scratch on
  // that loaded machine took over 30 s. (127.0.0.1 is still measured: the bench's throttling proxy uses it.)
  const sameComputer = new URL(indexURL).hostname === 'localhost';
  let rate: (bytesPerSecond: number) => void = () => {};
  const measured = new Promise<number>((resolve) => (rate = resolve));
  const fetchCompressed = async (url: URL, name: string, probe: boolean): Promise<Response> => {
    const type = COMPRESSED_ASSETS[name] ?? 'application/octet-stream';
    const copyURL = new URL(`${url.pathname}${COMPRESSED_SUFFIX}`, url);
    const compressed = await fetcher(copyURL).catch(() => null);
    // No copy (the dev server answers with its HTML page, an older build with a 404): the plain file.
    if (
      compressed === null ||
      !compressed.ok ||
      compressed.body === null ||
      (compressed.headers.get('Content-Type') ?? '').startsWith('text/html')
    ) {
      const plain = await fetcher(url);
      if (probe) rate(0);
      return plain;
    }
    const body = probe ? timeDownload(compressed.body, copyURL, rate) : compressed.body;
    return new Response(await inflateIfGzip(body), { status: 200, headers: { 'Content-Type': type } });
  };
  const probeURL = new URL(PROBE_ASSET, indexURL);
  let probe: Promise<Response> | null = fetchCompressed(probeURL, PROBE_ASSET, true).catch((error) => {
    rate(0);
    throw error;
  });
  return {
    fetch: (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const url = new URL(input instanceof Request ? input.url : String(input), indexURL);
      if (probe !== null && url.href === probeURL.href) {
        const response = probe;
        probe = null;
        return response;
      }
      const name = assetName(url);
      return name === null ? fetcher(input, init) : fetchCompressed(url, name, false);
    },
    fastLink: () =>
      measured.then((bytesPerSecond) => sameComputer || bytesPerSecond >= FAST_LINK_BYTES_PER_SECOND),
  };
}
