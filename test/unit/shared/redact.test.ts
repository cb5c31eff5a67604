import { expect } from 'chai';
import { JsonLinesLogger } from '../../../src/shared/logger';
import { REDACTED, redact } from '../../../src/shared/redact';

describe('redaction of secrets', () => {
  it('replaces passwords, PINs and KeyStorePassword at any depth', () => {
    const request = { CustomKeyStoreName: 'store', KeyStorePassword: 'kmsPswd1', users: [{ name: 'kmsuser', password: 'p' }], token: { soPin: '1234', userPin: '5678' } };
    expect(redact(request)).to.deep.equal({
      CustomKeyStoreName: 'store',
      KeyStorePassword: REDACTED,
      users: [{ name: 'kmsuser', password: REDACTED }],
      token: { soPin: REDACTED, userPin: REDACTED },
    });
  });

  it('keeps them out of log lines', () => {
    const lines: string[] = [];
    new JsonLinesLogger('info', (line) => lines.push(line)).log('info', 'connect', { KeyStorePassword: 'kmsPswd1' });
    new JsonLinesLogger('info', (line) => lines.push(line)).log('debug', 'below the level', {});
    expect(lines).to.have.length(1);
    expect(lines[0]).to.not.include('kmsPswd1');
    expect(JSON.parse(lines[0]!)).to.include({ message: 'connect', KeyStorePassword: REDACTED });
  });
});
