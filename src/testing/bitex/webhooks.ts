import { createHash } from 'node:crypto';
import type { SandboxClock } from '../http-server.js';

/** What {@link BitexWebhookSender.send} delivers. */
export interface SendWebhookOptions {
  /** The web-callbacks handler's URL (`webhook_url` of the user). */
  readonly url: string;
  /** The API key whose SHA-256 hex digest goes in `WEBHOOK-AUTH`, as Bitex sends it. */
  readonly apiKey: string;
  /** The event's `event_type` (`user_enabled`, `payment_settled` ...). */
  readonly eventType: string;
  /** The event's resource (`relationships.resource.data`). Default `{ type: 'users', id: '1' }`. */
  readonly resource?: { readonly type: string; readonly id: string };
  /** Deliveries before giving up. Default 8 (Bitex keeps trying for days). */
  readonly maxAttempts?: number;
  /** The wait before the first redelivery, doubled after each. Default 1000 ms. */
  readonly firstDelayMs?: number;
}

/** How one event's delivery went. */
export interface WebhookDelivery {
  /** The event's id (`data.id`). */
  readonly id: string;
  /** The HTTP status of each delivery, in order (0 when the handler could not be reached). */
  readonly statuses: readonly number[];
  /** True once the handler answered 200. */
  readonly delivered: boolean;
  /** The body that was sent, exactly (each delivery sends the same). */
  readonly body: string;
}

/** Sends webhook events as Bitex does: JSON:API, `WEBHOOK-AUTH`, again with exponential backoff until a 200. */
export interface BitexWebhookSender {
  /** Delivers one event, again after each answer other than 200 (waits doubling on the sandbox's clock). */
  send(options: SendWebhookOptions): Promise<WebhookDelivery>;
}

/**
 * The sandbox's webhook sender: POSTs `{"data":{"type":"events","id":…,"attributes":{event_type, created_at,
 * sent_at},"relationships":{"resource":{"data":…}}}}` with `Content-Type: application/json` and `WEBHOOK-AUTH` =
 * SHA-256 hex of the API key (bitex-la/bitex-guides `_docs/webhooks`); anything but a 200 is delivered again after
 * a wait on the sandbox's clock, doubling each time.
 */
export function bitexWebhookSender(clock: SandboxClock, now: () => number): BitexWebhookSender {
  let lastId = 0;
  return {
    async send(options) {
      lastId += 1;
      const id = String(lastId);
      const at = new Date(now()).toISOString();
      const body = JSON.stringify({
        data: {
          type: 'events',
          id,
          attributes: { event_type: options.eventType, created_at: at, sent_at: at },
          relationships: { resource: { data: options.resource ?? { type: 'users', id: '1' } } },
        },
        included: [],
      });
      const auth = createHash('sha256').update(options.apiKey, 'utf8').digest('hex');
      const statuses: number[] = [];
      let delay = options.firstDelayMs ?? 1000;
      for (let attempt = 0; attempt < (options.maxAttempts ?? 8); attempt += 1) {
        if (attempt > 0) {
          await clock.sleep(delay);
          delay *= 2;
        }
        const status = await fetch(options.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'WEBHOOK-AUTH': auth },
          body,
        }).then(
          async (response) => {
            await response.arrayBuffer();
            return response.status;
          },
          () => 0,
        );
        statuses.push(status);
        if (status === 200) return { id, statuses, delivered: true, body };
      }
      return { id, statuses, delivered: false, body };
    },
  };
}
