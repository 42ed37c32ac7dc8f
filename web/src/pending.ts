/**
 * Unsent interview answers kept in this tab while the server cannot be reached (offline, session
 * ended), encrypted with AES-GCM under a key that exists only in this page's memory (generated,
 * non-extractable). The copy outlives the wizard (re-mounts, navigation inside the app), not the
 * tab: after a reload or on a seized disk it is ciphertext without a key, by design.
 */
let keyP: Promise<CryptoKey> | undefined;
const key = () =>
  (keyP ??= crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']));
const name = (id: string) => `testigo.pending.${id}`;

const b64 = (b: Uint8Array) => btoa(String.fromCharCode(...b));
const unb64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

export async function keepPending(id: string, value: unknown): Promise<void> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await key(), plain));
  // Chunked: String.fromCharCode(...) of a 600 kB array would overflow the call stack.
  let s = '';
  for (let i = 0; i < ct.length; i += 0x8000) s += b64(ct.subarray(i, i + 0x8000));
  sessionStorage.setItem(name(id), `${b64(iv)}.${ct.length}.${s}`);
}

export async function takePending<T>(id: string): Promise<T | undefined> {
  const v = sessionStorage.getItem(name(id));
  if (!v) return undefined;
  try {
    const [iv, , ...rest] = v.split('.');
    const data = rest.join('.');
    // Each chunk was encoded on its own: decode chunk by chunk (4 base64 chars per 3 bytes, padded).
    const parts: Uint8Array[] = [];
    const chunkChars = Math.ceil(0x8000 / 3) * 4;
    for (let i = 0; i < data.length; i += chunkChars) parts.push(unb64(data.slice(i, i + chunkChars)));
    const ct = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let off = 0;
    for (const p of parts) {
      ct.set(p, off);
      off += p.length;
    }
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: unb64(iv!) }, await key(), ct);
    return JSON.parse(new TextDecoder().decode(plain)) as T;
  } catch {
    // Sealed under a key from an earlier page load: unreadable by design.
    dropPending(id);
    return undefined;
  }
}

export function dropPending(id: string): void {
  sessionStorage.removeItem(name(id));
}
