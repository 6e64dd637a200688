import type { ServerAnswer } from '../../http-server.js';
import { jsonApi, problem } from '../answers.js';
import { attributesOf } from '../body.js';
import { type PrivateCall, type PrivateRoute, privateRoute } from '../router.js';
import { STARTING_BALANCES } from '../seed.js';
import { userView } from '../views.js';

/** Any key of a master user (which flag guards these is not documented; the sandbox asks for none). */
const masterOnly = { master: true } as const;

function create({ state, actor, json }: PrivateCall): ServerAnswer {
  const body = attributesOf(json, 'users');
  if (!body.ok) return body.answer;
  const email = body.attributes.email;
  if (email !== undefined && (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(email))) {
    return problem({
      title: 'Invalid email',
      detail: 'email must be an e-mail address',
      code: 'invalid_email',
      pointer: '/data/attributes/email',
    });
  }
  if (typeof email === 'string' && [...state.users.values()].some((user) => user.email === email)) {
    return problem({
      title: 'Email taken',
      detail: 'a user with this email already exists',
      code: 'email_taken',
      pointer: '/data/attributes/email',
    });
  }
  const user = state.addUser({
    email: typeof email === 'string' ? email : `user${state.users.size + 1}@sandbox.invalid`,
    managedBy: actor.id,
    balances: STARTING_BALANCES.managed,
  });
  return jsonApi(userView(user), 201);
}

/** Users a master manages (itself included). */
export const userRoutes: readonly PrivateRoute[] = [
  privateRoute('GET', '/api/users', masterOnly, ({ state, actor }) =>
    jsonApi([...state.users.values()].filter((user) => state.manages(actor.id, user.id)).map(userView)),
  ),
  privateRoute('POST', '/api/users', masterOnly, create),
];
