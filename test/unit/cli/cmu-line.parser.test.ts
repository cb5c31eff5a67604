import { expect } from 'chai';
import { CMU_COMMANDS } from '../../../src/cli/cmu/cmu-commands.table';
import { parseCmuLine } from '../../../src/cli/cmu/cmu-line.parser';
import { CommandLineError } from '../../../src/cli/cmu/command-line-error';

function parse(line: string): { name: string; mutating: boolean; args: unknown } | undefined {
  const command = parseCmuLine(CMU_COMMANDS, line);
  return command && { name: command.name, mutating: command.mutating, args: command.args };
}

function parseError(line: string): string {
  try {
    parseCmuLine(CMU_COMMANDS, line);
  } catch (error) {
    expect(error).to.be.instanceOf(CommandLineError);
    return (error as Error).message;
  }
  expect.fail(`"${line}" was accepted`);
}

describe('cmu command lines (7.7)', () => {
  it('takes a unique prefix of a command name, in any case', () => {
    expect(parse('listU')?.name).to.equal('listUsers');
    expect(parse('LISTUSERS')?.name).to.equal('listUsers');
    expect(parse('getH')?.name).to.equal('getHSMInfo');
    expect(parse('q')?.name).to.equal('quit');
  });

  it('names the candidates of an ambiguous prefix and refuses unknown commands', () => {
    expect(parseError('list')).to.equal('ambiguous command "list": it could be listUsers, listAttributes');
    expect(parseError('log')).to.contain('loginHSM, logoutHSM');
    expect(parseError('registerQuorumPubKey CO admin')).to.equal('unknown command "registerQuorumPubKey": type help for the list of commands');
  });

  it('reads nothing from a blank line', () => {
    expect(parse('   ')).to.equal(undefined);
  });

  it('reads loginHSM with and without -2fa; user types are case-sensitive (7.3)', () => {
    expect(parse('loginHSM CU kmsuser kmsPswd')).to.deep.equal({
      name: 'loginHSM',
      mutating: false,
      args: { role: 'CU', username: 'kmsuser', password: 'kmsPswd', privateKeyPath: undefined },
    });
    expect(parse('loginHSM CO bob Bob-pass1 -2fa /keys/bob.pem')?.args).to.deep.include({ role: 'CO', privateKeyPath: '/keys/bob.pem' });
    expect(parseError('loginHSM cu kmsuser kmsPswd')).to.equal(
      'loginHSM: user type "cu" is not one of CO, CU, PRECO, PCO\nUsage: loginHSM <CO|CU|PRECO|PCO> <user name> <password> [-2fa <private key PEM path>]',
    );
    expect(parseError('loginHSM CU kmsuser')).to.contain('expected 3 argument(s), got 2');
  });

  it('marks the commands that change HSMs, which ask before running', () => {
    const mutating = ['createUser CU kmsuser kmsPswd', 'deleteUser CU kmsuser', 'changePswd CU kmsuser Newpass1', 'shareKey 32 4 1', 'syncUser 3 2', 'syncKey 32 1'];
    for (const line of mutating) expect(parse(line)?.mutating, line).to.equal(true);
    const reading = ['loginHSM CU kmsuser kmsPswd', 'logoutHSM', 'listUsers', 'info server 0', 'getHSMInfo', 'getKeyInfo -k 32', 'findAllKeys 3 0', 'listAttributes', 'getAttribute 32 3', 'server 1', 'exit', 'quit', 'help'];
    for (const line of reading) expect(parse(line)?.mutating, line).to.equal(false);
  });

  it('reads the key commands', () => {
    expect(parse('getKeyInfo -k 262162')?.args).to.deep.equal({ handle: 262162 });
    expect(parse('findAllKeys 3 1')?.args).to.deep.equal({ userId: 3, withHash: true });
    expect(parse('getAttribute 262162 512')?.args).to.deep.equal({ handle: 262162, attributeId: 512 });
    expect(parse('shareKey 262162 4 0')?.args).to.deep.equal({ handle: 262162, userId: 4, share: false });
    expect(parseError('getAttribute 262162 999')).to.contain('999 is no attribute id');
    expect(parseError('findAllKeys 3 2')).to.contain('key hash must be 0 or 1');
    expect(parseError('getKeyInfo 262162')).to.contain('-k <key handle> is required');
  });

  it('reads the user and server commands', () => {
    expect(parse('createUser CO bob Bob-pass1 -2fa /keys/bob.pub')?.args).to.deep.equal({ role: 'CO', username: 'bob', password: 'Bob-pass1', publicKeyPath: '/keys/bob.pub' });
    expect(parse('deleteUser CO alice')?.args).to.deep.equal({ role: 'CO', username: 'alice' });
    expect(parse('syncUser 3 2')?.args).to.deep.equal({ id: 3, serverNumber: 2 });
    expect(parse('info server 2')?.args).to.deep.equal({ serverNumber: 2 });
    expect(parseError('deleteUser PRECO admin')).to.contain('is not one of CO, CU');
    expect(parseError('info hsm 2')).to.contain('info server <number>');
  });
});
