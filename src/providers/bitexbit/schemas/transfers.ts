import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';
import { commonSchemas } from './common.js';

/** This module's schemas, built on first use: building every catalog's schemas at import made loading slow. */
export const transfersSchemas = buildOnce(() => {
  const { page, wholeNumber } = commonSchemas();
  // API v2 transfers between bitexbit users (bitexbit/api-docs-v2, "Transfers List" ... "Cancel Transfer").

  /** A transfer's status: 10 Pending (has a security code), 20 Cancelled, 30 Success. */
  const status = z.looseObject({
    key: z.number().describe('10 Pending, 20 Cancelled, 30 Success'),
    label: z.string(),
  });

  /** A transfer as the list, accept and cancel answers show it. */
  const transfer = z.looseObject({
    txid: z.string(),
    amount: z.string(),
    currency: z.looseObject({ code: z.string(), name: z.string(), precision: z.number() }),
    sender: z.string(),
    receiver: z.looseObject({ uid: z.string(), verified: z.boolean() }),
    status,
    description: z.string().nullable(),
    valid_till: z.string(),
  });

  /** GET /api/v2/private/transfers/ query. */
  const transfersQuery = z.strictObject({
    currency: z.string().optional(),
    status: z.literal([10, 20, 30]).optional(),
    is_outgoing: z.boolean().optional(),
    is_outdated: z.boolean().optional(),
  });

  /** GET /api/v2/private/transfers/. */
  const transfers = page(
    transfer.extend({
      date: z.string(),
      is_outgoing: z.boolean(),
      can_cancel: z.boolean(),
      can_accept: z.boolean(),
    }),
  );

  /** POST /api/v2/private/transfers/create/ body; `valid_days` is required with `security_code`. */
  const createTransferBody = z
    .strictObject({
      receiver: z.string(),
      currency: z.string(),
      amount: z.number().positive(),
      security_code: z.number().optional(),
      valid_days: wholeNumber.min(1).max(366).describe('1 to 366; required with security_code').optional(),
      description: z.string().max(80).optional(),
    })
    .refine((body) => body.security_code === undefined || body.valid_days !== undefined, {
      error: 'valid_days is required with security_code',
      path: ['valid_days'],
    });

  /** POST /api/v2/private/transfers/create/. */
  const createdTransfer = z.looseObject({
    receiver: z.string(),
    amount: z.string(),
    currency: z.string(),
    description: z.string().nullable(),
    txid: z.string(),
    status,
    valid_till: z.string(),
    is_protected: z.boolean(),
  });

  /** POST /api/v2/private/transfers/:txid/accept/ body. */
  const acceptTransferBody = z.strictObject({ security_code: z.number().optional() });

  /** POST /api/v2/private/transfers/:txid/accept/ and .../cancel/. */
  const transferAnswer = z.looseObject({ transfer });
  return {
    transfer,
    transfersQuery,
    transfers,
    createTransferBody,
    createdTransfer,
    acceptTransferBody,
    transferAnswer,
  };
});
