import type { JSONRPCMessage, MessageExtraInfo, Transport, TransportSendOptions } from '@modelcontextprotocol/server';

/**
 * A transport that passes everything through and also tells its owner when
 * the underlying channel closed (stdin reached EOF), because the SDK's stdio
 * entry owns the transport's `onclose`.
 */
export class ObservedTransport implements Transport {
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  onmessage?: (<T extends JSONRPCMessage>(message: T, extra?: MessageExtraInfo) => void) | undefined;
  readonly closed: Promise<void>;
  private readonly inner: Transport;

  constructor(inner: Transport) {
    this.inner = inner;
    let markClosed: () => void = () => undefined;
    this.closed = new Promise((resolve) => { markClosed = resolve; });
    inner.onclose = () => {
      markClosed();
      this.onclose?.();
    };
    inner.onerror = (error) => this.onerror?.(error);
    inner.onmessage = (message, extra) => this.onmessage?.(message, extra);
  }

  start(): Promise<void> {
    return this.inner.start();
  }

  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    return this.inner.send(message, options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
