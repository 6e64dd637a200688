import { answersAccounts } from './answers-accounts.js';
import { answersDeposits } from './answers-deposits.js';
import { answersMarket } from './answers-market.js';
import { answersOrders1 } from './answers-orders-1.js';
import { answersOrders2 } from './answers-orders-2.js';
import { answersReports1 } from './answers-reports-1.js';
import { answersReports2 } from './answers-reports-2.js';
import { answersTrades } from './answers-trades.js';
import { answersTransfers } from './answers-transfers.js';
import { answersUsers } from './answers-users.js';
import { answersWithdrawals1 } from './answers-withdrawals-1.js';
import { answersWithdrawals2 } from './answers-withdrawals-2.js';
import type { Examples } from './examples.js';
import { requestsAccounts } from './requests-accounts.js';
import { requestsDeposits } from './requests-deposits.js';
import { requestsMarket } from './requests-market.js';
import { requestsOrders } from './requests-orders.js';
import { requestsReports } from './requests-reports.js';
import { requestsTrades } from './requests-trades.js';
import { requestsTransfers } from './requests-transfers.js';
import { requestsUsers } from './requests-users.js';
import { requestsWithdrawals } from './requests-withdrawals.js';

/** Each call's documented answers. */
export const ANSWERS: Examples = {
  ...answersMarket,
  ...answersUsers,
  ...answersAccounts,
  ...answersReports1,
  ...answersReports2,
  ...answersOrders1,
  ...answersOrders2,
  ...answersTrades,
  ...answersDeposits,
  ...answersWithdrawals1,
  ...answersWithdrawals2,
  ...answersTransfers,
};

/** Each call's documented requests. */
export const REQUESTS: Examples = {
  ...requestsMarket,
  ...requestsUsers,
  ...requestsAccounts,
  ...requestsReports,
  ...requestsOrders,
  ...requestsTrades,
  ...requestsDeposits,
  ...requestsWithdrawals,
  ...requestsTransfers,
};
