import { CALLS } from '../shared/benches.js';
import { SERVER_ERRORS } from '../shared/faults.js';
import { faultSuite } from '../shared/suite.js';

// 5xx after the exchange ran the call, 503 before it did, 429 after it did: 6 faults × 8 calls. None of these
// answers proves the call did not run: each 5xx carries outcome unknown (reconcile). Nothing
// that may move money is sent again.
faultSuite('5xx and 429 answers to calls that move money', CALLS, SERVER_ERRORS);
