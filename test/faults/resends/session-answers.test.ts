import { ALPHAPOINT_CALLS } from '../shared/benches.js';
import { SESSION_ANSWERS } from '../shared/faults.js';
import { faultSuite } from '../shared/suite.js';

// AlphaPoint's session answers: errorcode 20 at HTTP 500 and a 401 that claims `result: true` prove nothing
// (never resent); `result:false, errorcode:20` at 200/400/401 and a plain 401 prove a refusal (one new login,
// resent once, run once). 6 faults × 2 calls.
faultSuite(
  'AlphaPoint session answers to SendOrder and CreateWithdrawTicket',
  ALPHAPOINT_CALLS,
  SESSION_ANSWERS,
);
