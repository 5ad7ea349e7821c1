/** A page in a same-origin iframe, for what must happen in a page of its own: navigation, script order. */
import { oneEvent } from '@open-wc/testing';

/**
 * Loads `body` into an iframe whose module script runs `script` (imports
 * resolve against the test server), and resolves once the page has loaded.
 */
export async function framePage(body: string, script = ''): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 600px; height: 300px; border: 0';
  frame.srcdoc = `<!doctype html><html lang="vi"><meta charset="utf-8"><body>${body}<script type="module">${script}</script>`;
  const load = oneEvent(frame, 'load');
  document.body.append(frame);
  await load;
  return frame;
}

/** Waits for the iframe's next page and returns its URL. */
export async function nextPage(frame: HTMLIFrameElement): Promise<URL> {
  await oneEvent(frame, 'load');
  return new URL(frame.contentWindow!.location.href);
}
