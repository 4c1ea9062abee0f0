/**
 * Copies a large byte array a few megabytes at a time, yielding to the event loop between slices, so the
 * main thread never stalls for the whole copy (a 31 MiB memory snapshot would take tens of milliseconds).
 */
export async function copyInSlices(source: Uint8Array, sliceBytes = 4 * 1024 * 1024): Promise<Uint8Array> {
  const copy = new Uint8Array(source.byteLength);
  for (let offset = 0; offset < source.byteLength; offset += sliceBytes) {
    copy.set(source.subarray(offset, offset + sliceBytes), offset);
    if (offset + sliceBytes < source.byteLength) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return copy;
}
