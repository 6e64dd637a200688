import { randomBytes } from 'node:crypto';
import type { Orderbook } from './markets.js';
import { Wallets } from './wallets.js';

/** The flags of a Bitex v2.1 `api_keys` resource. */
export type KeyFlag =
  | 'token'
  | 'fund_account'
  | 'create_withdrawal'
  | 'get_withdrawal'
  | 'get_balances'
  | 'trading'
  | 'payments'
  | 'compliance'
  | 'api_keys';

/** Every key flag. */
export const ALL_KEY_FLAGS: readonly KeyFlag[] = [
  'token',
  'fund_account',
  'create_withdrawal',
  'get_withdrawal',
  'get_balances',
  'trading',
  'payments',
  'compliance',
  'api_keys',
];

/** A Bitex account. */
export interface BitexUser {
  readonly id: number;
  readonly email: string;
  /** Master users create users and act for the users they manage. */
  readonly master: boolean;
  /** The master managing this user, if any. A master manages itself. */
  readonly managedBy: number | undefined;
  /** The secret of the user's authenticator app (TOTP). */
  readonly otpSecret: Buffer;
  readonly createdAt: number;
}

/** An API key. */
export interface ApiKey {
  readonly id: number;
  readonly token: string;
  readonly userId: number;
  readonly flags: ReadonlySet<KeyFlag>;
  readonly createdAt: number;
}

/** A bid (buy: `amount` is quote currency to spend) or an ask (sell: `amount` is base coin to sell). */
export interface Order {
  readonly id: number;
  readonly side: 'bid' | 'ask';
  readonly userId: number;
  readonly orderbook: Orderbook;
  readonly amount: bigint;
  remaining: bigint;
  readonly price: bigint;
  status: 'executing' | 'completed' | 'cancelled';
  readonly createdAt: number;
}

/** A match between a bid and an ask, at the resting (maker) order's price. */
export interface Trade {
  readonly id: number;
  readonly orderbook: Orderbook;
  readonly buyerId: number;
  readonly sellerId: number;
  readonly bidId: number;
  readonly askId: number;
  readonly coinAmount: bigint;
  readonly cashAmount: bigint;
  readonly price: bigint;
  readonly createdAt: number;
}

/** A coin or cash withdrawal. */
export interface Withdrawal {
  readonly id: number;
  readonly kind: 'coin' | 'cash';
  readonly userId: number;
  readonly currency: string;
  readonly amount: bigint;
  readonly status: 'received';
  readonly label: string | undefined;
  readonly toAddresses: string | undefined;
  /** The instruction that pays a cash withdrawal. */
  readonly instructionId: number | undefined;
  readonly createdAt: number;
}

/** Stored instructions for paying a user's cash withdrawals (`body` as the user sent it). */
export interface WithdrawalInstruction {
  readonly id: number;
  readonly userId: number;
  readonly label: string;
  readonly body: Readonly<Record<string, string>>;
}

/** A change of a user's balance: one side of a trade, a deposit or a withdrawal, as `/movements` lists it. */
export interface Movement {
  readonly id: number;
  readonly userId: number;
  readonly kind: 'Buy' | 'Sell' | 'Deposit' | 'Withdrawal';
  /** The orderbook (`BTC_USD`) of a trade, the currency (`BTC`) otherwise. */
  readonly currenciesInvolved: string;
  /** The currency moved (the coin, for a trade), upper case. */
  readonly currency: string;
  /** How much of `currency` moved (positive). */
  readonly amount: bigint;
  readonly fee: bigint;
  readonly feeCurrency: string;
  /** The trade's price; 0 for deposits and withdrawals. */
  readonly price: bigint;
  readonly createdAt: number;
}

/** Options of {@link BitexState.addUser}. */
interface NewUser {
  id?: number;
  email: string;
  master?: boolean;
  managedBy?: number;
  /** Starting available balances, in units of 10^-8. */
  balances?: Readonly<Record<string, bigint>>;
}

/** Everything the sandbox exchange knows. */
export class BitexState {
  readonly users = new Map<number, BitexUser>();
  readonly keys = new Map<string, ApiKey>();
  readonly wallets = new Wallets();
  readonly orders: Order[] = [];
  readonly trades: Trade[] = [];
  readonly withdrawals: Withdrawal[] = [];
  readonly instructions = new Map<number, WithdrawalInstruction>();
  readonly movements: Movement[] = [];
  readonly now: () => number;
  #lastId = 1000;

  constructor(now: () => number) {
    this.now = now;
  }

  /** A fresh id, shared by every kind of record. */
  nextId(): number {
    this.#lastId += 1;
    return this.#lastId;
  }

  /** Creates a user with starting balances (recorded as deposits). */
  addUser(options: NewUser): BitexUser {
    const id = options.id ?? this.nextId();
    const master = options.master ?? false;
    const user: BitexUser = {
      id,
      email: options.email,
      master,
      managedBy: master ? id : options.managedBy,
      otpSecret: randomBytes(20),
      createdAt: this.now(),
    };
    this.users.set(id, user);
    for (const [currency, amount] of Object.entries(options.balances ?? {})) {
      this.wallets.credit(id, currency, amount);
      this.recordMovement(id, { kind: 'Deposit', currency, amount });
    }
    return user;
  }

  /** Creates an API key for `userId` with `flags`; returns it. */
  addKey(userId: number, flags: Iterable<KeyFlag>): ApiKey {
    const key: ApiKey = {
      id: this.nextId(),
      token: randomBytes(20).toString('hex'),
      userId,
      flags: new Set(flags),
      createdAt: this.now(),
    };
    this.keys.set(key.token, key);
    return key;
  }

  /**
   * The instruction `id` of `userId`, or (no `id`) the user's first one, made on first use: a domestic bank
   * account in Argentina, with the fields of bitex-sdk-ruby's recorded `withdrawal_instructions`.
   */
  instructionOf(userId: number, id?: number): WithdrawalInstruction | undefined {
    if (id !== undefined) {
      const found = this.instructions.get(id);
      return found?.userId === userId ? found : undefined;
    }
    const mine = [...this.instructions.values()].find((instruction) => instruction.userId === userId);
    if (mine) return mine;
    const made: WithdrawalInstruction = {
      id: this.nextId(),
      userId,
      label: 'sandbox bank account',
      body: {
        account_type: 'savings',
        address: 'Av. Sandbox 123',
        bank: 'sandbox bank',
        bank_account_number: '12345678',
        cbu: '1234567812345678',
        cuit: '20112233344552',
        city: 'Buenos Aires',
        country: 'AR',
        currency: 'ARS',
        further_instructions: 'none',
        name: this.users.get(userId)?.email ?? 'sandbox user',
        payment_method: 'domestic_bank',
        phone: '1122334455',
      },
    };
    this.instructions.set(made.id, made);
    return made;
  }

  /** Whether master `masterId` may act for `userId` (itself included). */
  manages(masterId: number, userId: number): boolean {
    const master = this.users.get(masterId);
    const user = this.users.get(userId);
    return master?.master === true && user?.managedBy === masterId;
  }

  /** Records a change of a balance: a deposit or withdrawal of `currency`, or one side of a trade on `orderbook`. */
  recordMovement(
    userId: number,
    change: { kind: Movement['kind']; currency: string; amount: bigint; orderbook?: string; price?: bigint },
  ): void {
    const currency = change.currency.toUpperCase();
    this.movements.push({
      id: this.nextId(),
      userId,
      kind: change.kind,
      currenciesInvolved: change.orderbook?.toUpperCase() ?? currency,
      currency,
      amount: change.amount,
      fee: 0n,
      feeCurrency: currency,
      price: change.price ?? 0n,
      createdAt: this.now(),
    });
  }
}
