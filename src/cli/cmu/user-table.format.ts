// 7.7 listUsers: per server `Users on server 0(10.0.0.1):`, `Number of users found:3`, then the columns
// User Id, User Type, User Name, MofnPubKey, LoginFailureCnt, 2FA.

import type { UserView } from '../../../hsm-sim/node/node.types';
import type { HsmConnection } from './hsm-connections';
import { serverLabel } from './server-result.format';

export const USER_TABLE_HEADER = '    User Id             User Type       User Name                          MofnPubKey    LoginFailureCnt         2FA';

export function userTableLines(server: HsmConnection, users: readonly UserView[]): string[] {
  return [`Users on ${serverLabel(server)}:`, `Number of users found:${users.length}`, '', USER_TABLE_HEADER, ...users.map(userRow)];
}

export function userRow(user: UserView): string {
  // SIM: quorum (MofN) keys are not simulated, so MofnPubKey is always NO
  const columns = [String(user.id).padStart(10), ' '.repeat(14), user.role.padEnd(16), user.username.padEnd(41), 'NO'.padEnd(17), String(user.loginFailures).padEnd(18), user.twoFactor ? 'YES' : 'NO'];
  return columns.join('');
}
