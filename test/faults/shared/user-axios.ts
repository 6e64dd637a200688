import axios, { type AxiosInstance, type InternalAxiosRequestConfig } from 'axios';

/** Marks a config the interceptor already retried (axios copies unknown config keys when it merges). */
type Marked = InternalAxiosRequestConfig & { retriedByUser?: boolean };

/** The error a user's interceptor throws in the end: it says "connection refused", whatever happened before. */
export class RefusedByInterceptor extends Error {
  readonly code = 'ECONNREFUSED';
  constructor() {
    super('connect ECONNREFUSED 127.0.0.1 (thrown by a user interceptor)');
  }
}

/**
 * A user's axios instance (`axios.create({ adapter: 'http' })`) whose response interceptor retries a failed
 * request once with the same config, and when that fails too throws an error with `code: 'ECONNREFUSED'`. Such
 * a code proves nothing about the first try: it may have run at the exchange.
 */
export function interceptingAxios(): AxiosInstance {
  const instance = axios.create({ adapter: 'http' });
  instance.interceptors.response.use(undefined, async (error: { config?: Marked }) => {
    const config = error?.config;
    if (config && config.retriedByUser !== true) {
      try {
        return await instance.request({ ...config, retriedByUser: true } as Marked);
      } catch {
        // Fall through to the refusal below.
      }
    }
    throw new RefusedByInterceptor();
  });
  return instance;
}
