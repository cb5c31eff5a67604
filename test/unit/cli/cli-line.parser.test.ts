import { expect } from 'chai';
import { Role } from '../../../hsm-sim/node/node.types';
import { CLI_COMMANDS } from '../../../src/cli/cloudhsm-cli/cli-commands.table';
import { credentialsFromEnvironment, requireCredentials } from '../../../src/cli/cloudhsm-cli/cli-credentials';
import { parseCliLine } from '../../../src/cli/cloudhsm-cli/cli-line.parser';
import { cliRoleOf, nodeRoleOf } from '../../../src/cli/cloudhsm-cli/cli-roles';
import { parseKeyAttributes } from '../../../src/cli/cloudhsm-cli/key-attribute-options';
import { parseKeyFilter } from '../../../src/cli/cloudhsm-cli/key-filter';
import { CommandLineError } from '../../../src/cli/cmu/command-line-error';
import { splitWords } from '../../../src/cli/cmu/command-words';

function parse(line: string, oneShot = false): { name: string; args: unknown; login: string | undefined } {
  const { command, login } = parseCliLine(CLI_COMMANDS, splitWords(line), oneShot);
  return { name: command.name, args: command.args, login: login?.optional('username') };
}

describe('cli command lines (7.9)', () => {
  it('picks the command by its words, the longest that match', () => {
    expect(parse('key generate-symmetric aes --label k --key-length-bytes 32').args).to.deep.equal({ keyType: 'AES', bits: 256, attributes: { label: 'k' } });
    expect(parse('key generate-symmetric generic-secret --label h --key-length-bytes 64 --session').args).to.deep.equal({ keyType: 'GENERIC_SECRET', bits: 512, attributes: { label: 'h', token: false } });
    expect(parse('user list').name).to.equal('user list');
    expect(() => parse('key generate-symmetric --label k')).to.throw(CommandLineError, '"key generate-symmetric" needs more words: key generate-symmetric aes | key generate-symmetric generic-secret');
    expect(() => parse('cluster hsm-info')).to.throw(CommandLineError, 'unknown command "cluster hsm-info"');
    expect(() => parse('user list extra')).to.throw(CommandLineError, 'user list: unexpected "extra"');
  });

  it('reads the login options of a one-shot command that takes none of them itself', () => {
    expect(parse('key list --username kmsuser --role crypto-user --password kmsPswd --verbose', true)).to.deep.include({ name: 'key list', login: 'kmsuser' });
    expect(parse('user create --username alice --role crypto-user --password Alice-pw1', true)).to.deep.include({ login: undefined });
    expect(parse('cluster activate --password Newpass1', true)).to.deep.include({ args: { password: 'Newpass1' }, login: undefined });
    expect(() => parse('key list --username kmsuser', false)).to.throw(CommandLineError, 'unknown option --username');
  });

  it('maps roles between the CLI and cloudhsm_mgmt_util names (7.1)', () => {
    expect(parse('user create --username Alice --role admin --password Alice-pw1').args).to.deep.equal({ username: 'Alice', role: Role.CO, password: 'Alice-pw1' });
    expect(() => parse('user create --username a --role unactivated-admin --password Alice-pw1')).to.throw(CommandLineError, '--role unactivated-admin is not one of admin, crypto-user');
    expect(nodeRoleOf('unactivated-admin')).to.equal(Role.PRECO);
    expect([Role.PRECO, Role.CO, Role.PCO, Role.CU, Role.AU].map(cliRoleOf)).to.deep.equal(['unactivated-admin', 'admin', 'admin', 'crypto-user', 'internal(APPLIANCE_USER)']);
  });

  it('adds the usage to an argument error', () => {
    expect(() => parse('key generate-symmetric aes --label k --key-length-bytes 20')).to.throw(
      CommandLineError,
      'key generate-symmetric aes: --key-length-bytes 20: AES keys are 16, 24 or 32 bytes; usage: key generate-symmetric aes --label <label>',
    );
    expect(() => parse('user change-mfa token-sign --username a --role admin')).to.throw(CommandLineError, 'give either --token <public key PEM path> or --deregister');
  });

  it('reads key filters and attributes', () => {
    expect(parseKeyFilter(['key-reference=0x0000000000000020', 'attr.label=my key', 'attr.class=secret-key', 'attr.key-type=aes', 'attr.id=0x01ab'])).to.deep.equal({
      handle: 32,
      filter: { label: 'my key', class: 'SECRET_KEY', keyType: 'AES', id: Buffer.from('01ab', 'hex') },
    });
    expect(() => parseKeyFilter(['attr.colour=red'])).to.throw(CommandLineError, '--filter attr.colour=red: use key-reference=<value>');
    expect(() => parseKeyFilter(['attr.class=secret'])).to.throw(CommandLineError, 'use one of secret-key, public-key, private-key');
    expect(parseKeyAttributes(['encrypt=true', 'extractable=false', 'id=0x01'], 'attributes')).to.deep.equal({ encrypt: true, extractable: false, id: Buffer.from([1]) });
    expect(() => parseKeyAttributes(['encrypt=yes'], 'attributes')).to.throw(CommandLineError, 'encrypt=yes: use true or false');
  });

  it('reads credentials from CLOUDHSM_ROLE and CLOUDHSM_PIN, options first', () => {
    expect(credentialsFromEnvironment({ CLOUDHSM_ROLE: 'admin', CLOUDHSM_PIN: 'admin:pass:word' })).to.deep.equal({ username: 'admin', role: Role.CO, password: 'pass:word' });
    expect(credentialsFromEnvironment({ CLOUDHSM_ROLE: 'admin' })).to.equal(undefined);
    expect(() => requireCredentials('user create', undefined, {})).to.throw('user create needs a login');
  });
});
