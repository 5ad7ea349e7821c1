/**
 * Response bytes to text in the encoding the response declares: a byte order
 * mark, else the Content-Type charset, else the XML declaration, else UTF-8.
 * Old portals still serve ISO-8859-1 or windows-1258 feeds.
 */

const XML_ENCODING = /^\s*<\?xml[^>]*?encoding\s*=\s*["']?([\w.:-]+)/;
/** Bytes that hold a byte order mark and an XML declaration, when there are. */
const HEAD_BYTES = 200;

function declaredEncoding(bytes: Uint8Array, contentType = ''): string {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  const charset = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  if (charset) return charset[1];
  // The declaration is ASCII in every encoding a feed may declare.
  const head = String.fromCharCode(...bytes.subarray(0, HEAD_BYTES));
  return XML_ENCODING.exec(head)?.[1] ?? 'utf-8';
}

/** A decoder for the declared encoding; an unknown label reads as UTF-8. */
function decoderFor(head: Uint8Array, contentType?: string): TextDecoder {
  try {
    return new TextDecoder(declaredEncoding(head, contentType));
  } catch {
    return new TextDecoder();
  }
}

// windows-1258 writes most tone marks as combining characters: compose them.
const composed = (text: string, decoder: TextDecoder) => (decoder.encoding === 'windows-1258' ? text.normalize('NFC') : text);

/** Decodes a whole response body. */
export function decodeBody(buffer: ArrayBuffer, contentType?: string): string {
  const bytes = new Uint8Array(buffer);
  const decoder = decoderFor(bytes, contentType);
  return composed(decoder.decode(bytes), decoder);
}

function joined(a: Uint8Array, b: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(a.length + b.length);
  bytes.set(a);
  bytes.set(b, a.length);
  return bytes;
}

/**
 * Reads and decodes a response body while it arrives, so that decoding a
 * big feed overlaps its download instead of following it. The encoding is
 * chosen once the first HEAD_BYTES bytes (or the whole body) are in.
 */
export async function readBody(response: Response): Promise<string> {
  const contentType = response.headers.get('content-type') ?? undefined;
  const reader = response.body?.getReader();
  if (!reader) return decodeBody(await response.arrayBuffer(), contentType);
  let decoder: TextDecoder | undefined;
  let head: Uint8Array = new Uint8Array(0);
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (!decoder) {
      if (value) head = head.length ? joined(head, value) : value;
      if (head.length < HEAD_BYTES && !done) continue;
      decoder = decoderFor(head, contentType);
      text = decoder.decode(head, { stream: !done });
    } else if (value) text += decoder.decode(value, { stream: true });
    if (done) break;
  }
  return composed(text + decoder.decode(), decoder);
}
