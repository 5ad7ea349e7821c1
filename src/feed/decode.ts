/**
 * Response bytes to text in the encoding the response declares: a byte order
 * mark, else the Content-Type charset, else the XML declaration, else UTF-8.
 * Old portals still serve ISO-8859-1 or windows-1258 feeds.
 */

const XML_ENCODING = /^\s*<\?xml[^>]*?encoding\s*=\s*["']?([\w.:-]+)/;

function declaredEncoding(bytes: Uint8Array, contentType = ''): string {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  const charset = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  if (charset) return charset[1];
  // The declaration is ASCII in every encoding a feed may declare.
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  return XML_ENCODING.exec(head)?.[1] ?? 'utf-8';
}

/** Decodes a response body; an unknown label reads as UTF-8. */
export function decodeBody(buffer: ArrayBuffer, contentType?: string): string {
  const bytes = new Uint8Array(buffer);
  const label = declaredEncoding(bytes, contentType);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder();
  }
  const text = decoder.decode(bytes);
  // windows-1258 writes most tone marks as combining characters: compose them.
  return decoder.encoding === 'windows-1258' ? text.normalize('NFC') : text;
}
