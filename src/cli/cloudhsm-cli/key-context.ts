// What a detailed key needs beyond the key itself: user names for ids, and on how many HSMs it is.

import type { KeyView, UserView } from '../../../hsm-sim/node/node.types';
import type { RpcClient } from '../../../hsm-sim/protocol';
import type { CliSession } from './cli-session';
import type { KeyContext, KeyCoverage } from './key-json.format';

export async function usernamesById(client: RpcClient): Promise<Map<number, string>> {
  const users = await client.call<UserView[]>('listUsers');
  return new Map(users.map((user) => [user.id, user.username]));
}

/** A token key is "full" when every reachable HSM's management port knows it, as the logged-in user sees it. */
async function keyCoverage(session: CliSession, view: KeyView): Promise<KeyCoverage> {
  if (!view.token) return 'session';
  const found = await Promise.allSettled(session.connectedManagement().map(({ client }) => client.call('getKeyInfo', { handle: view.handle })));
  return found.every((result) => result.status === 'fulfilled') ? 'full' : 'partial';
}

export async function keyContexts(session: CliSession, client: RpcClient, views: readonly KeyView[]): Promise<KeyContext[]> {
  const usernames = await usernamesById(client);
  return Promise.all(views.map(async (view) => ({ usernames, coverage: await keyCoverage(session, view) })));
}
