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
  readonly createdAt: number;
}

/** A change of a user's balance. */
export interface Movement {
  readonly id: number;
  readonly userId: number;
  readonly kind: 'withdrawal' | 'buy' | 'sell' | 'deposit';
  readonly currency: string;
  /** Signed: negative when funds left. */
  readonly amount: bigint;
  readonly createdAt: number;
}

/** Options of {@link BitexState.addUser}. */
export interface NewUser {
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
      this.recordMovement(id, 'deposit', currency, amount);
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

  /** Whether master `masterId` may act for `userId` (itself included). */
  manages(masterId: number, userId: number): boolean {
    const master = this.users.get(masterId);
    const user = this.users.get(userId);
    return master?.master === true && user?.managedBy === masterId;
  }

  /** Records a change of a balance. */
  recordMovement(userId: number, kind: Movement['kind'], currency: string, amount: bigint): void {
    this.movements.push({ id: this.nextId(), userId, kind, currency, amount, createdAt: this.now() });
  }
}
