import { CALLS } from '../shared/benches.js';
import { BROKEN_ANSWERS } from '../shared/faults.js';
import { faultSuite } from '../shared/suite.js';

// A connection reset after execution, a body cut off after its headers, and a user's axios interceptor that
// retries and then claims ECONNREFUSED: 3 faults × 8 calls, each an unknown outcome that is never resent.
faultSuite('answers lost after the call ran', CALLS, BROKEN_ANSWERS);
