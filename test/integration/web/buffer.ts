// The Buffer calls the integration suites make (from a string or bytes, concat; toString as
// utf8, base64 or base64url; includes), for the web worker extension host, which has no Buffer.
const utf8 = new TextEncoder();
const text = new TextDecoder();

function fromBase64(s: string): Uint8Array {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** Bytes with Buffer's toString and includes. */
class Bytes extends Uint8Array {
  constructor(bytes: ArrayLike<number>) {
    super(bytes.length);
    this.set(bytes);
  }

  override toString(encoding: 'utf8' | 'base64' | 'base64url' = 'utf8'): string {
    if (encoding === 'utf8') return text.decode(this);
    const b64 = btoa(String.fromCharCode(...this));
    return encoding === 'base64' ? b64 : b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  override includes(needle: number | ArrayLike<number>, from = 0): boolean {
    if (typeof needle === 'number') return super.includes(needle, from);
    outer: for (let i = from; i + needle.length <= this.length; i++) {
      for (let j = 0; j < needle.length; j++) if (this[i + j] !== needle[j]) continue outer;
      return true;
    }
    return false;
  }
}

export const Buffer = {
  from(value: string | ArrayLike<number> | ArrayBuffer, encoding?: 'utf8' | 'base64' | 'base64url'): Bytes {
    if (typeof value === 'string') return new Bytes(encoding === 'base64' || encoding === 'base64url' ? fromBase64(value) : utf8.encode(value));
    return new Bytes(value instanceof ArrayBuffer ? new Uint8Array(value) : Array.from(value));
  },
  concat(list: readonly Uint8Array[]): Bytes {
    const out = new Bytes(new Uint8Array(list.reduce((n, b) => n + b.length, 0)));
    let at = 0;
    for (const b of list) {
      out.set(b, at);
      at += b.length;
    }
    return out;
  },
};
