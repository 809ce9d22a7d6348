import { describe, expect, it } from 'vitest';
import { SseParser, parseEventStream } from '../src/sse.js';

describe('SseParser', () => {
  it('reads named events with JSON data', () => {
    const events = parseEventStream('event: rollup\ndata: {"park":"demo-park","total_power_kw":1234.5}\n\n');
    expect(events).toEqual([{ event: 'rollup', data: '{"park":"demo-park","total_power_kw":1234.5}', id: '' }]);
    expect(JSON.parse(events[0].data).total_power_kw).toBe(1234.5);
  });

  it('calls an event without a name "message" and joins data lines with a newline', () => {
    expect(parseEventStream('data: a\ndata: b\n\n')).toEqual([{ event: 'message', data: 'a\nb', id: '' }]);
  });

  it('keeps an event whose lines arrive in pieces until its blank line', () => {
    const parser = new SseParser();
    expect(parser.push('event: ala')).toEqual([]);
    expect(parser.push('rm\ndata: {"id":"a1",')).toEqual([]);
    expect(parser.push('"state":"raised"}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'alarm', data: '{"id":"a1","state":"raised"}', id: '' }]);
  });

  it('accepts CRLF and CR line ends, also a CRLF split between chunks', () => {
    expect(parseEventStream('event: snapshot\r\ndata: 1\r\n\r\n')).toEqual([{ event: 'snapshot', data: '1', id: '' }]);
    expect(parseEventStream('data: 2\r\r')).toEqual([{ event: 'message', data: '2', id: '' }]);
    const parser = new SseParser();
    expect(parser.push('data: 3\r')).toEqual([]);
    // The LF completing the CRLF must not count as a second, empty line.
    expect(parser.push('\ndata: 4\r')).toEqual([]);
    expect(parser.push('\n\r\n')).toEqual([{ event: 'message', data: '3\n4', id: '' }]);
  });

  it('skips comments (keep-alives) and unknown fields, and strips one space only', () => {
    expect(parseEventStream(': ping\nfoo: bar\nevent: rollup\ndata:  two spaces\n\n'))
      .toEqual([{ event: 'rollup', data: ' two spaces', id: '' }]);
    expect(parseEventStream('data:tight\n\n')[0].data).toBe('tight');
  });

  it('dispatches nothing for a blank line without data and resets the event name after each event', () => {
    const parser = new SseParser();
    expect(parser.push('event: rollup\n\n')).toEqual([]);
    expect(parser.push('data: x\n\n')).toEqual([{ event: 'message', data: 'x', id: '' }]);
  });

  it('treats a field line without a colon as the field with an empty value', () => {
    expect(parseEventStream('data\n\n')).toEqual([{ event: 'message', data: '', id: '' }]);
  });

  it('remembers id and retry', () => {
    const parser = new SseParser();
    const events = parser.push('id: 42\nretry: 5000\nevent: alarm\ndata: {}\n\nretry: soon\ndata: y\n\n');
    expect(events.map((e) => e.id)).toEqual(['42', '42']);
    expect(parser.retry).toBe(5000);
  });

  it('yields several events from one chunk in order', () => {
    const events = parseEventStream('event: snapshot\ndata: 1\n\nevent: rollup\ndata: 2\n\nevent: alarm\ndata: 3\n\n');
    expect(events.map((e) => `${e.event}:${e.data}`)).toEqual(['snapshot:1', 'rollup:2', 'alarm:3']);
  });

  it('does not dispatch an event cut off before its blank line', () => {
    expect(parseEventStream('event: rollup\ndata: 1\n')).toEqual([]);
  });

  it('handles a stream fed one character at a time', () => {
    const text = 'event: rollup\r\ndata: {"a":1}\r\n\r\n: keep-alive\n\nevent: alarm\ndata: {"b":2}\n\n';
    const parser = new SseParser();
    const events = [...text].flatMap((c) => parser.push(c));
    expect(events.map((e) => [e.event, e.data])).toEqual([['rollup', '{"a":1}'], ['alarm', '{"b":2}']]);
  });
});
