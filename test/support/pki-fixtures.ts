// The committed test PKI of fixtures/pki (see its README), read from the compiled test's place in dist/.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CertificateAuthority } from '../../hsm-sim/node/certificates';

const PKI_DIR = join(__dirname, '..', '..', '..', 'fixtures', 'pki');

function read(name: string): string {
  return readFileSync(join(PKI_DIR, name), 'utf8');
}

export const customerCa: CertificateAuthority = { certPem: read('customerCA.crt'), keyPem: read('customerCA.key') };
export const otherCa: CertificateAuthority = { certPem: read('other-CA.crt'), keyPem: read('other-CA.key') };

/** A cluster CSR signed by customerCA with OpenSSL: as the AWS docs do it, and as an intermediate CA. */
export const opensslSignedCluster = {
  clusterId: 'cluster-jxhlf7644ne',
  csrPem: read('openssl-signed-cluster.csr'),
  keyPem: read('openssl-signed-cluster.key'),
  certPem: read('openssl-signed-cluster.crt'),
  caCertPem: read('openssl-signed-cluster-ca.crt'),
};
