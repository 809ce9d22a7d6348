// Server-Sent Events over fetch(): EventSource cannot send an Authorization header, so the live
// stream is read as a byte stream and parsed here, following the WHATWG event-stream rules.

/** Incremental parser: push() text as it arrives, get back the events completed by it. */
export class SseParser {
  constructor() {
    this.buffer = '';
    this.pendingCr = false;
    this.reset();
    this.lastEventId = '';
    this.retry = null;
  }

  reset() {
    this.eventType = '';
    this.dataLines = [];
  }

  /** @returns {{event: string, data: string, id: string}[]} */
  push(text) {
    const events = [];
    let chunk = text;
    // A CR ending the previous chunk already ended its line; a LF right after it belongs to it.
    if (this.pendingCr && chunk.startsWith('\n')) chunk = chunk.slice(1);
    this.pendingCr = false;
    this.buffer += chunk;
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer[i];
      if (c !== '\n' && c !== '\r') continue;
      this.line(this.buffer.slice(start, i), events);
      if (c === '\r') {
        if (i + 1 < this.buffer.length) {
          if (this.buffer[i + 1] === '\n') i++;
        } else {
          this.pendingCr = true;
        }
      }
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  line(line, events) {
    if (line === '') {
      if (this.dataLines.length > 0) {
        events.push({ event: this.eventType || 'message', data: this.dataLines.join('\n'), id: this.lastEventId });
      }
      this.reset();
      return;
    }
    if (line.startsWith(':')) return; // comment, used as keep-alive
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event': this.eventType = value; break;
      case 'data': this.dataLines.push(value); break;
      case 'id': if (!value.includes('\0')) this.lastEventId = value; break;
      case 'retry': if (/^\d+$/.test(value)) this.retry = Number(value); break;
      default: break; // unknown fields are ignored, as the spec says
    }
  }
}

/** Parses a whole event-stream text at once (the last event needs its blank line). */
export function parseEventStream(text) {
  return new SseParser().push(text);
}
