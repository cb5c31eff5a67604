// Throwaway certificate authorities for TLS tests, made with the openssl command line (node:crypto cannot
// issue certificates, and node-forge is reserved for the pki code).

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TlsIdentity } from '../../../../hsm-sim/protocol';
import { createTempDir, removeTempDir } from '../../../support/temp-dir';

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

export interface TestCertificateAuthority {
  readonly certPem: string;
  /** A leaf for `subjectAltName` (e.g. 'IP:127.0.0.1'), presented with the CA certificate as its chain. */
  issue(subjectAltName: string): TlsIdentity;
}

export class TestPki {
  private issued = 0;

  private constructor(private readonly directory: string) {}

  static create(): TestPki {
    return new TestPki(createTempDir('rpc-pki'));
  }

  authority(name: string): TestCertificateAuthority {
    const keyFile = this.file(`${name}.key`);
    const certFile = this.file(`${name}.crt`);
    openssl('req', '-x509', ...EC_KEY, '-subj', `/CN=${name}`, '-days', '1', '-keyout', keyFile, '-out', certFile,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign');
    const certPem = readFileSync(certFile, 'utf8');
    return { certPem, issue: (subjectAltName) => this.issue(keyFile, certFile, certPem, subjectAltName) };
  }

  remove(): void {
    removeTempDir(this.directory);
  }

  private issue(caKeyFile: string, caCertFile: string, caCertPem: string, subjectAltName: string): TlsIdentity {
    const base = this.file(`leaf-${++this.issued}`);
    writeFileSync(`${base}.ext`, `subjectAltName=${subjectAltName}\nbasicConstraints=CA:FALSE\n`);
    openssl('req', ...EC_KEY, '-subj', '/CN=hsm', '-keyout', `${base}.key`, '-out', `${base}.csr`);
    openssl('x509', '-req', '-in', `${base}.csr`, '-CA', caCertFile, '-CAkey', caKeyFile, '-CAcreateserial',
      '-days', '1', '-extfile', `${base}.ext`, '-out', `${base}.crt`);
    return { keyPem: readFileSync(`${base}.key`, 'utf8'), certChainPem: readFileSync(`${base}.crt`, 'utf8') + caCertPem };
  }

  private file(name: string): string {
    return join(this.directory, name);
  }
}

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { stdio: 'pipe' });
}
