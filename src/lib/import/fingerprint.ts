// The file's fingerprint: the SHA-256 of its bytes, worked out where the bytes are read (the import worker), so
// a 55 MB file is never copied on the main thread to be hashed. How the panel tells a file uploaded before.
// Example: await fingerprintOf(new TextEncoder().encode('abc'))
//   -> 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'

/**
 * 64 hex digits; undefined where the browser offers no digest (crypto.subtle is missing on a page served over
 * plain http from another host) or it fails. The digest copies the bytes when called: the import may go on.
 */
export async function fingerprintOf(bytes: Uint8Array): Promise<string | undefined> {
  try {
    const subtle = globalThis.crypto?.subtle;
    if (!subtle) return undefined;
    const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
    return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  } catch {
    return undefined;
  }
}
