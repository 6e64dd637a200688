/** Receives one event: its name (`OrderStateEvent`) and its object. */
export type EventListener = (name: string, body: Record<string, unknown>) => void;

/** The topic of one account's events (SubscribeAccountEvents). */
export const accountTopic = (accountId: number) => `account:${accountId}`;

/** The topic of one instrument's Level1 updates (SubscribeLevel1). */
export const level1Topic = (instrumentId: number) => `level1:${instrumentId}`;

/**
 * Where the exchange tells what happened, whichever channel caused it (an order sent over HTTP reaches a socket
 * subscribed to its account): topics per account and per instrument, each with its listeners.
 */
export class EventHub {
  readonly #listeners = new Map<string, Set<EventListener>>();

  /** Listens to a topic; the function returned stops listening. */
  on(topic: string, listener: EventListener): () => void {
    const listeners = this.#listeners.get(topic) ?? new Set<EventListener>();
    listeners.add(listener);
    this.#listeners.set(topic, listeners);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.#listeners.delete(topic);
    };
  }

  /** Tells every listener of `topic`, in the order they started listening. */
  publish(topic: string, name: string, body: Record<string, unknown>): void {
    for (const listener of [...(this.#listeners.get(topic) ?? [])]) listener(name, body);
  }
}
