import type { DispatchResponse } from '../app/dispatch-types.js';

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** What reading a body a second time rejects with, as `fetch` bodies do. */
function unusable(): TypeError {
  return new TypeError('Body is unusable: Body has already been read');
}

/**
 * A `Response` that knows the URL it answers, as one from `fetch` does (a constructed `Response`
 * has `url` "" and no way to set it).
 */
class LocatedResponse extends Response {
  readonly #url: string;

  constructor(url: string, body: BodyInit | null, init: ResponseInit) {
    super(body, init);
    this.#url = url;
  }

  static {
    // `url` is an accessor of Response.prototype (typed as a plain property).
    Object.defineProperty(LocatedResponse.prototype, 'url', {
      configurable: true,
      get(this: LocatedResponse) {
        return this.#url;
      },
    });
  }
}

/**
 * A `Response` whose body is already in memory: `text()`, `json()`, `arrayBuffer()` and `bytes()`
 * answer from the string the app rendered. A `Response` built with a body creates a byte stream up front
 * and reads it back through the stream machinery on `text()`/`json()` — on Node 20 about 30 µs,
 * three times the app's own work for a small read. The stream is made only when a caller asks for
 * `body` (or `blob()`/`formData()`/`clone()` after that): from then on a real `Response` over the
 * same bytes answers, so streaming callers see standard behaviour.
 */
class BufferedResponse extends LocatedResponse {
  #content: string | Uint8Array;
  #used = false;
  #streaming: Response | undefined;

  constructor(url: string, content: string | Uint8Array, init: ResponseInit) {
    super(url, null, init);
    this.#content = content;
  }

  /** Status and headers, for a response over the same answer. */
  #init(): ResponseInit {
    return { status: this.status, statusText: this.statusText, headers: this.headers };
  }

  /** The standard response over the same bytes, made on first need. */
  #real(): Response {
    this.#streaming ??= new Response(this.#content as BodyInit, this.#init());
    return this.#streaming;
  }

  #take(): string | Uint8Array {
    if (this.#used) throw unusable();
    this.#used = true;
    return this.#content;
  }

  override text(): Promise<string> {
    if (this.#streaming) return this.#streaming.text();
    try {
      const content = this.#take();
      return Promise.resolve(typeof content === 'string' ? content : decoder.decode(content));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  override json(): Promise<any> {
    return this.text().then((text) => JSON.parse(text) as unknown);
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    if (this.#streaming) return this.#streaming.arrayBuffer();
    return this.#takeBytes().then((bytes) => bytes.buffer);
  }

  override bytes(): Promise<Uint8Array<ArrayBuffer>> {
    if (this.#streaming) return this.#streaming.bytes();
    return this.#takeBytes();
  }

  /** The body as bytes of their own buffer: the caller may change them, as with `fetch`'s. */
  #takeBytes(): Promise<Uint8Array<ArrayBuffer>> {
    try {
      const content = this.#take();
      return Promise.resolve(typeof content === 'string' ? encoder.encode(content) : new Uint8Array(content));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  override blob(): Promise<Blob> {
    return this.#used ? Promise.reject(unusable()) : this.#real().blob();
  }

  override formData(): Promise<FormData> {
    return this.#used ? Promise.reject(unusable()) : this.#real().formData();
  }

  override clone(): Response {
    if (this.#used) throw unusable();
    // A streamed body is teed by the standard clone; its branch gets this response's URL.
    if (this.#streaming) return new LocatedResponse(this.url, this.#streaming.clone().body, this.#init());
    return new BufferedResponse(this.url, this.#content, this.#init());
  }

  static {
    // `body` and `bodyUsed` are accessors of Response.prototype (typed as plain properties).
    Object.defineProperties(BufferedResponse.prototype, {
      body: {
        configurable: true,
        get(this: BufferedResponse) {
          return this.#used ? this.#usedStream() : this.#real().body;
        },
      },
      bodyUsed: {
        configurable: true,
        get(this: BufferedResponse) {
          return this.#used || (this.#streaming?.bodyUsed ?? false);
        },
      },
    });
  }

  /** A body read through `text()`/`json()` shows as a stream with nothing left to read. */
  #usedStream(): ReadableStream<Uint8Array> {
    return new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
  }
}

/**
 * The in-process answer to a request for `url` as a `Response`: one object, no stream unless a
 * caller asks for `body`; `response.url` is `url`, as `fetch` sets it.
 * A connection reset is the caller's to handle (it has no `Response`).
 *
 * @example
 * ```ts
 * const res = bufferedResponse({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"a":1}' }, 'http://mock.local/a');
 * await res.json(); // { a: 1 }
 * res.url; // 'http://mock.local/a'
 * ```
 */
export function bufferedResponse(answer: DispatchResponse, url: string): Response {
  const init = { status: answer.status, headers: answer.headers };
  if (NULL_BODY_STATUS.has(answer.status) || answer.body.length === 0) return new LocatedResponse(url, null, init);
  return new BufferedResponse(url, answer.body, init);
}
