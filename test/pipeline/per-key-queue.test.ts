import { afterEach, describe, expect, it } from 'vitest';
import { type AuthStrategy, bitexbit, createClient } from '../../src/index.js';
import { activeSequences, runInSequence, SerialQueue } from '../../src/pipeline/serial-queue.js';
import { TestClock } from '../support/clock.js';
import { closeServers, deferred, flush, scriptedServer } from './support.js';

/** A task that logs its start and end and finishes only when the test settles `gate`. */
function heldTask<T>(name: string, events: string[], gate: Promise<T>) {
  return async () => {
    events.push(`start ${name}`);
    try {
      return await gate;
    } finally {
      events.push(`end ${name}`);
    }
  };
}

afterEach(closeServers);

describe('one key’s tasks', () => {
  it('run one at a time in queue order, even when a later task is ready first', async () => {
    const events: string[] = [];
    const gates = [deferred<string>(), deferred<string>(), deferred<string>()] as const;
    const results = gates.map((gate, i) =>
      runInSequence('key-a', heldTask(String(i + 1), events, gate.promise)),
    );

    await flush();
    expect(events).toEqual(['start 1']);

    // Tasks 3 and 2 are ready long before task 1; they still wait for it.
    gates[2].resolve('three');
    gates[1].resolve('two');
    await flush();
    expect(events).toEqual(['start 1']);

    gates[0].resolve('one');
    expect(await Promise.all(results)).toEqual(['one', 'two', 'three']);
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('a task queued while another runs starts only after it ends', async () => {
    const events: string[] = [];
    const first = deferred();
    const running = runInSequence('key-b', heldTask('1', events, first.promise));
    await flush();

    const later = runInSequence('key-b', heldTask('2', events, Promise.resolve()));
    await flush();
    expect(events).toEqual(['start 1']);

    first.resolve();
    await Promise.all([running, later]);
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('a failing task hands its error to its caller and does not block the next', async () => {
    const events: string[] = [];
    const failing = deferred();
    const failed = runInSequence('key-c', heldTask('1', events, failing.promise));
    const next = runInSequence('key-c', heldTask('2', events, Promise.resolve('next')));

    failing.reject(new Error('boom'));

    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('a task that throws synchronously does not block the next either', async () => {
    const failed = runInSequence('key-d', () => {
      throw new Error('sync boom');
    });
    const next = runInSequence('key-d', async () => 'next');

    await expect(failed).rejects.toThrow('sync boom');
    await expect(next).resolves.toBe('next');
  });
});

describe('an abort', () => {
  it('while the task waits in the queue: the caller leaves at once and the task never starts (0 starts)', async () => {
    const events: string[] = [];
    const first = deferred();
    const running = runInSequence('key-abort-1', heldTask('1', events, first.promise));
    const controller = new AbortController();
    const waiting = runInSequence('key-abort-1', heldTask('2', events, Promise.resolve()), controller.signal);
    const left = waiting.catch((reason: unknown) => reason);
    controller.abort(new Error('left the queue'));
    expect(await left).toMatchObject({ message: 'left the queue' });
    first.resolve();
    await running;
    await flush();
    expect(events).toEqual(['start 1', 'end 1']);
  });

  it('after the task started: the call settles only as the task does (the task says how it ended)', async () => {
    const events: string[] = [];
    const gate = deferred<string>();
    const controller = new AbortController();
    let settled = false;
    const running = runInSequence('key-abort-2', heldTask('1', events, gate.promise), controller.signal);
    void running.finally(() => {
      settled = true;
    });
    await flush();
    controller.abort(new Error('too late'));
    await flush();
    expect(settled).toBe(false);
    gate.resolve('answered');
    expect(await running).toBe('answered');
  });
});

describe('different keys', () => {
  it('run side by side: a held task of one key does not delay another key', async () => {
    const events: string[] = [];
    const heldA = deferred<string>();
    const a = runInSequence('key-e', heldTask('a', events, heldA.promise));

    const b = await runInSequence('key-f', heldTask('b', events, Promise.resolve('b')));

    expect(b).toBe('b');
    expect(events).toEqual(['start a', 'start b', 'end b']);
    heldA.resolve('a');
    await expect(a).resolves.toBe('a');
  });
});

describe('idle queues', () => {
  it('are dropped once their last task settles, and not before', async () => {
    expect(activeSequences()).toBe(0);
    const a1 = deferred();
    const a2 = deferred();
    const b1 = deferred();
    const doneA1 = runInSequence('key-g', () => a1.promise);
    const doneA2 = runInSequence('key-g', () => a2.promise);
    const doneB1 = runInSequence('key-h', () => b1.promise);
    expect(activeSequences()).toBe(2);

    b1.reject(new Error('failed'));
    await expect(doneB1).rejects.toThrow('failed');
    expect(activeSequences()).toBe(1);

    a1.resolve();
    await doneA1;
    expect(activeSequences()).toBe(1);

    a2.resolve();
    await doneA2;
    expect(activeSequences()).toBe(0);
  });

  it('a key used again after it was dropped gets a fresh queue that works', async () => {
    await runInSequence('key-i', async () => 1);
    expect(activeSequences()).toBe(0);
    await expect(runInSequence('key-i', async () => 2)).resolves.toBe(2);
    expect(activeSequences()).toBe(0);
  });
});

describe('SerialQueue', () => {
  it('counts tasks queued or running', async () => {
    const queue = new SerialQueue();
    const first = deferred();
    const one = queue.run(() => first.promise);
    const two = queue.run(async () => undefined);
    expect(queue.pending).toBe(2);

    first.resolve();
    await Promise.all([one, two]);
    await flush();
    expect(queue.pending).toBe(0);
  });
});

describe('the pipeline sends one key’s private requests one at a time', () => {
  it('a second bitexbit request is not even signed until the first has its answer', async () => {
    const clock = new TestClock();
    const arrived = deferred();
    const release = deferred();
    let inFlight = 0;
    let mostInFlight = 0;
    const balance = async () => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      arrived.resolve();
      await release.promise;
      inFlight -= 1;
      return { status: 200, body: [] };
    };
    const server = await scriptedServer(balance, balance);
    const provider = bitexbit({
      accessKey: 'access_0f4c',
      privateKey: 'private_9b1e',
      access: 'read',
      baseURL: server.origin,
    });
    const signed: string[] = [];
    const strategy: AuthStrategy = {
      ...provider.strategy,
      async authorize(request, context) {
        const authorised = await provider.strategy.authorize(request, context);
        signed.push(authorised.headers['X-Nonce'] ?? '');
        return authorised;
      },
    };
    const client = createClient({ ...provider, strategy }, { rateLimit: false, retry: false, clock });

    const calls = [client.call('balance.get'), client.call('balance.get')];
    await arrived.promise;
    expect(server.log).toHaveLength(1);
    expect(signed).toHaveLength(1);
    expect(activeSequences()).toBe(1);

    release.resolve();
    await Promise.all(calls);
    expect(mostInFlight).toBe(1);
    expect(signed).toHaveLength(2);
    expect(signed.every((nonce) => /^[0-9]+$/.test(nonce))).toBe(true);
    expect(server.log.map((request) => request.headers['x-nonce'])).toEqual(signed);
    expect(activeSequences()).toBe(0);
  });

  it('public requests skip the queue: two run side by side', async () => {
    const clock = new TestClock();
    const bothArrived = deferred();
    let arrivals = 0;
    const pairs = async () => {
      arrivals += 1;
      if (arrivals === 2) bothArrived.resolve();
      await bothArrived.promise;
      return { status: 200, body: [] };
    };
    const server = await scriptedServer(pairs, pairs);
    const provider = bitexbit({
      accessKey: 'ak_queue_1',
      privateKey: 'sk_queue_1',
      access: 'read',
      baseURL: server.origin,
    });
    const client = createClient(provider, { rateLimit: false, retry: false, clock });

    await Promise.all([client.call('public.pairs'), client.call('public.pairs')]);

    expect(server.log).toHaveLength(2);
    expect(activeSequences()).toBe(0);
  });
});
