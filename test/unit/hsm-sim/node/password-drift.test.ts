// Fault injection changes kmsuser's password behind KMS's back, as a CO's changePswd would: refused
// while the user is logged in anywhere on the HSM (aws-behaviour 7.3) or when there is no such user.

import { expect } from 'chai';
import { NodeErrorCode, Role } from '../../../../hsm-sim/node/node.types';
import { expectNodeError, KMSUSER, useNodeWorld } from './node-fixture';

describe('HsmNode password drift (out-of-band password change)', () => {
  const world = useNodeWorld();

  it('refuses while the user is logged in, then changes it once the user logged out', async () => {
    const { node, kmsuser } = await world.seeded();
    await expectNodeError(node.changePasswordOutOfBand('fault-injection', 'kmsuser', 'drifted-1'), NodeErrorCode.USER_LOGGED_IN);
    await node.logout(kmsuser);
    await node.changePasswordOutOfBand('fault-injection', 'kmsuser', 'drifted-1');
    await expectNodeError(node.login(world.connection(), { role: Role.CU, username: 'kmsuser', password: KMSUSER.password }), NodeErrorCode.LOGIN_FAILED);
    expect(await node.login(world.connection(), { role: Role.CU, username: 'kmsuser', password: 'drifted-1' })).to.have.property('user');
  });

  it('refuses an unknown user, a bad password, and the HSM own users', async () => {
    const { node } = await world.seeded();
    await expectNodeError(node.changePasswordOutOfBand('fault-injection', 'nobody', 'drifted-1'), NodeErrorCode.USER_NOT_FOUND);
    await expectNodeError(node.changePasswordOutOfBand('fault-injection', 'app_user', 'drifted-1'), NodeErrorCode.ROLE_NOT_PERMITTED);
    await expectNodeError(node.changePasswordOutOfBand('fault-injection', 'kmsuser', 'short'), NodeErrorCode.ARGUMENTS_BAD);
  });

  it('records the change in the audit log with the fault-injection actor and no password', async () => {
    const { node, kmsuser } = await world.seeded();
    await node.logout(kmsuser);
    await node.changePasswordOutOfBand('fault-injection', 'kmsuser', 'drifted-1');
    const entry = node.readAudit().reverse().find((candidate) => candidate.event === 'password-changed');
    expect(entry).to.include({ actor: 'fault-injection', username: 'kmsuser', source: 'node' });
    expect(JSON.stringify(node.readAudit())).to.not.include('drifted-1');
  });
});
