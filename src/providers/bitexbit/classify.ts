import { answerClassifier } from '../../toolkit/answer-classifier.js';

/**
 * Reads a bitexbit answer, the common way ({@link answerClassifier}): 2xx JSON is ok; 401 means the
 * authentication headers were refused (a wrong key or signature, a stale nonce or an expired gateway deadline);
 * 403 means the key's access type is too low or the calling address is not on its IP list; 429 is the rate
 * limit; 400 is bad input with details in the body; 5xx is the exchange's own failure; a 3xx is a redirect,
 * never followed, so the message names where it led. The exchange's message is its `message`, `error` or
 * `detail`, or the first of its `errors`.
 */
export const classifyBitexbit = answerClassifier({
  advice: {
    authentication:
      'check the key pair, and that no other program uses this key with higher nonces (processes that share a key share one nonce sequence with createClient(provider, { coordination: redisCoordination(redis) }) from exchange-auth/redis)',
    permission:
      "the key's access type is too low, this address is not on the key's IP list, or what the call names (an order) is another user's",
    rateLimit: 'bitexbit allows 2 private calls per second',
  },
});
