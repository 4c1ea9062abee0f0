/**
 * Removes from the worker's JavaScript global scope every capability a Python program has no business
 * reaching: network, storage, nested workers, script loading, cross-context messaging, devices, GPU,
 * notifications, file systems, fonts...
 *
 * Why here and not (only) in Python: Pyodide offers many roads from Python to JavaScript objects, so we
 * assume a program can get a handle on `globalThis`. What is not there can't be abused.
 *
 * It is an allowlist: everything on the global object, its prototypes and `navigator` that is not listed
 * below is deleted, so an API a future browser adds is removed without anyone noticing it. (The e2e suite
 * still compares the browser's inventory with a reviewed list, so it gets noticed anyway.) It runs once
 * Pyodide has loaded (Pyodide needs `fetch` for its own files) and before any user code.
 */

/** ECMAScript itself: the language's own objects (`eval` included: see lockDownWorkerScope). */
// prettier-ignore
const LANGUAGE = [
  'Object', 'Function', 'Array', 'Number', 'parseFloat', 'parseInt', 'Infinity', 'NaN', 'undefined',
  'Boolean', 'String', 'Symbol', 'Date', 'Promise', 'RegExp', 'Error', 'AggregateError', 'EvalError',
  'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'SuppressedError', 'globalThis',
  'JSON', 'Math', 'Intl', 'ArrayBuffer', 'SharedArrayBuffer', 'Atomics', 'Uint8Array', 'Int8Array',
  'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'BigUint64Array', 'BigInt64Array',
  'Uint8ClampedArray', 'Float16Array', 'Float32Array', 'Float64Array', 'DataView', 'Map', 'BigInt', 'Set',
  'Iterator', 'WeakMap', 'WeakSet', 'Proxy', 'Reflect', 'FinalizationRegistry', 'WeakRef', 'decodeURI',
  'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'unescape', 'isFinite', 'isNaN', 'eval',
  'WebAssembly', 'Temporal', 'DisposableStack', 'AsyncDisposableStack',
];

/**
 * Web APIs the running worker uses: Comlink's messaging, Pyodide's runtime (timers, randomness, text
 * codecs, `navigator.userAgent`), and harmless plumbing they rely on.
 */
// prettier-ignore
const PLATFORM = [
  'self', 'name', 'location', 'navigator', 'origin', 'isSecureContext', 'crossOriginIsolated', 'console',
  'performance', 'crypto', 'Crypto', 'SubtleCrypto', 'CryptoKey', 'TextEncoder', 'TextDecoder', 'URL',
  'URLSearchParams', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask',
  'structuredClone', 'atob', 'btoa', 'reportError', 'postMessage', 'onmessage', 'onmessageerror', 'onerror',
  'onrejectionhandled', 'onunhandledrejection', 'addEventListener', 'removeEventListener', 'dispatchEvent',
  'EventTarget', 'Event', 'ErrorEvent', 'MessageEvent', 'PromiseRejectionEvent', 'MessageChannel',
  'MessagePort', 'DOMException', 'AbortController', 'AbortSignal', 'Performance', 'WorkerNavigator',
  'WorkerLocation', 'WorkerGlobalScope', 'DedicatedWorkerGlobalScope',
];

/**
 * Non-configurable, read-only numeric constants of the legacy FileSystem API on the worker scope's
 * prototype. They can't be deleted, and are harmless: the API itself (`webkitRequestFileSystem`) is gone.
 */
const UNDELETABLE_CONSTANTS = ['TEMPORARY', 'PERSISTENT'];

export const KEPT_GLOBALS: ReadonlySet<string> = new Set([
  ...LANGUAGE,
  ...PLATFORM,
  ...UNDELETABLE_CONSTANTS,
  'constructor',
]);

/** What `navigator` keeps: descriptive values only (Pyodide reads `userAgent`). */
// prettier-ignore
export const KEPT_NAVIGATOR: ReadonlySet<string> = new Set([
  'hardwareConcurrency', 'appCodeName', 'appName', 'appVersion', 'platform', 'product', 'userAgent',
  'language', 'languages', 'onLine', 'deviceMemory', 'constructor',
]);

/** A few capabilities named explicitly, for the report and the tests. */
// prettier-ignore
export const MUST_BE_GONE = [
  'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport', 'importScripts', 'Worker',
  'SharedWorker', 'indexedDB', 'caches', 'BroadcastChannel', 'Request', 'Response', 'fonts', 'FontFace',
  'webkitRequestFileSystem', 'Notification', 'close',
] as const;

function strip(target: object, keep: ReadonlySet<string>, stopAt: object | null): void {
  // The object itself and every prototype up to (not including) `stopAt`.
  for (
    let holder: object | null = target;
    holder !== null && holder !== stopAt;
    holder = Object.getPrototypeOf(holder)
  ) {
    for (const name of Object.getOwnPropertyNames(holder)) {
      if (keep.has(name)) continue;
      const descriptor = Object.getOwnPropertyDescriptor(holder, name);
      if (descriptor?.configurable) Reflect.deleteProperty(holder, name);
      else if (descriptor?.writable) Reflect.set(holder, name, undefined);
    }
  }
}

export interface LockdownReport {
  /** Capabilities from MUST_BE_GONE still reachable (should be empty; the tests assert it). */
  readonly survivors: readonly string[];
}

const lockedDown = new WeakSet<object>();

export function lockDownWorkerScope(scope: typeof globalThis = globalThis): LockdownReport {
  if (!lockedDown.has(scope)) {
    // `eval` stays: our CSP refuses it (and `Function`), and without the CSP the Function constructor,
    // reachable from any function, would evaluate strings anyway, so deleting it would protect nothing.
    const navigatorObject = (scope as { navigator?: object }).navigator;
    if (navigatorObject !== undefined) strip(navigatorObject, KEPT_NAVIGATOR, Object.prototype);
    strip(scope, KEPT_GLOBALS, Object.prototype);
    lockedDown.add(scope);
  }
  const record = scope as unknown as Record<string, unknown>;
  return { survivors: MUST_BE_GONE.filter((name) => record[name] !== undefined) };
}
