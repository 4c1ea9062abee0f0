import { describe, expect, it } from 'vitest';
import { KEPT_GLOBALS, lockDownWorkerScope } from '../../worker/lockdown';

/** A stand-in for a worker's global scope: own interface objects, a prototype with accessors, a navigator. */
function fakeScope() {
  const navigatorProto = {
    get userAgent() {
      return 'test';
    },
    get storage() {
      return {};
    },
    get usb() {
      return {};
    },
  };
  const scopeProto = {
    fetch() {},
    importScripts() {},
    setTimeout() {},
    get indexedDB() {
      return {};
    },
  };
  Object.defineProperty(scopeProto, 'TEMPORARY', { value: 0, configurable: false, writable: false });
  Object.defineProperty(scopeProto, 'stubborn', { value: () => 'x', configurable: false, writable: true });
  const scope = Object.create(scopeProto) as Record<string, unknown>;
  Object.assign(scope, {
    Object,
    Math,
    WebSocket: function WebSocket() {},
    BroadcastChannel: function BroadcastChannel() {},
    TextDecoder,
    ShinyNewApi2030: function ShinyNewApi2030() {},
    navigator: Object.create(navigatorProto),
  });
  return scope;
}

describe('lockDownWorkerScope', () => {
  it('deletes everything not on the allowlist, including APIs nobody listed', () => {
    const scope = fakeScope();
    const report = lockDownWorkerScope(scope as unknown as typeof globalThis);
    expect(report.survivors).toEqual([]);
    for (const name of [
      'fetch',
      'importScripts',
      'indexedDB',
      'WebSocket',
      'BroadcastChannel',
      'ShinyNewApi2030',
    ]) {
      expect(scope[name], name).toBeUndefined();
    }
    for (const name of ['Object', 'Math', 'TextDecoder', 'setTimeout', 'navigator'])
      expect(scope[name], name).toBeDefined();
    const navigator = scope.navigator as Record<string, unknown>;
    expect(navigator.userAgent).toBe('test');
    expect(navigator.storage).toBeUndefined();
    expect(navigator.usb).toBeUndefined();
  });

  it('overwrites what it cannot delete, and leaves read-only constants that it can only report', () => {
    const scope = fakeScope();
    lockDownWorkerScope(scope as unknown as typeof globalThis);
    expect(scope.stubborn).toBeUndefined();
    expect(scope.TEMPORARY).toBe(0);
    expect(KEPT_GLOBALS.has('TEMPORARY')).toBe(true);
  });

  it('reports capabilities that survive', () => {
    const scope = fakeScope();
    Object.defineProperty(Object.getPrototypeOf(scope), 'fetch', {
      value: () => 'still here',
      configurable: false,
      writable: false,
    });
    expect(lockDownWorkerScope(scope as unknown as typeof globalThis).survivors).toEqual(['fetch']);
  });
});
