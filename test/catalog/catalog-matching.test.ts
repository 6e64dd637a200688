import { describe, expect, it } from 'vitest';
import { fillPath, findEndpoint } from '../../src/core/catalog.js';
import { bitexbitCatalog, bitexCatalog, defineCatalog, pathTemplate } from '../../src/index.js';

describe('pathTemplate', () => {
  const cancel = pathTemplate('/bids/:id/cancel');

  it('matches one non-empty segment per parameter and returns it decoded', () => {
    expect(cancel.match('/bids/42/cancel')).toEqual({ id: '42' });
    expect(cancel.match('/bids/a%20b/cancel')).toEqual({ id: 'a b' });
  });

  it('tolerates one trailing slash and nothing else', () => {
    expect(cancel.match('/bids/42/cancel/')).toEqual({ id: '42' });
    expect(cancel.match('/bids/42/cancel//')).toBeUndefined();
  });

  it('refuses other segment counts, empty parameters and other literals', () => {
    expect(cancel.match('/bids/cancel')).toBeUndefined();
    expect(cancel.match('/bids//cancel')).toBeUndefined();
    expect(cancel.match('/bids/42/43/cancel')).toBeUndefined();
    expect(cancel.match('/asks/42/cancel')).toBeUndefined();
    expect(cancel.match('/bids/42/cancelled')).toBeUndefined();
  });

  it('treats regex metacharacters in a template as plain text', () => {
    const dotted = pathTemplate('/v1.2/items');
    expect(dotted.match('/v1.2/items')).toEqual({});
    expect(dotted.match('/v1x2/items')).toBeUndefined();
  });
});

describe('findEndpoint', () => {
  it('finds the entry by method and path, parameters included', () => {
    expect(findEndpoint(bitexCatalog, 'POST', '/bids/7/cancel')?.name).toBe('bids.cancel');
    expect(findEndpoint(bitexCatalog, 'POST', '/bids')?.name).toBe('bids.create');
    expect(findEndpoint(bitexCatalog, 'GET', '/bids')?.name).toBe('bids.list');
    expect(findEndpoint(bitexbitCatalog, 'POST', '/api/v2/private/order/9/cancel')?.name).toBe(
      'orders.cancel',
    );
  });

  it('matches a path with a trailing slash to the same entry, so the permission gate still applies', () => {
    expect(findEndpoint(bitexCatalog, 'POST', '/bids/')?.endpoint.permission).toBe('trade');
  });

  it('finds nothing for another method or an unknown path', () => {
    expect(findEndpoint(bitexCatalog, 'DELETE', '/bids')).toBeUndefined();
    expect(findEndpoint(bitexCatalog, 'GET', '/nowhere')).toBeUndefined();
  });

  it('prefers the first declared entry when two templates match', () => {
    const catalog = defineCatalog({
      specific: { method: 'GET', path: '/items/new', permission: 'public', idempotent: true },
      general: { method: 'GET', path: '/items/:id', permission: 'read', idempotent: true },
    });
    expect(findEndpoint(catalog, 'GET', '/items/new')?.name).toBe('specific');
    expect(findEndpoint(catalog, 'GET', '/items/5')?.name).toBe('general');
  });
});

describe('fillPath', () => {
  it('fills each parameter URL-encoded', () => {
    expect(fillPath('/bids/:id/cancel', { id: 'a/b c' })).toBe('/bids/a%2Fb%20c/cancel');
    expect(fillPath('/x/:a/:b', { a: 1, b: 'two' })).toBe('/x/1/two');
  });

  it('refuses a missing or empty parameter', () => {
    expect(() => fillPath('/bids/:id/cancel', {})).toThrow(/id/);
    expect(() => fillPath('/bids/:id/cancel', { id: '' })).toThrow(/id/);
  });
});
