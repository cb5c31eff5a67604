import { pki } from 'node-forge';
import { signCertificate, signerOf } from '../certificate-signer';
import { type CertificateAuthority } from '../pki.types';
import { validForDays } from '../validity-period';

/**
 * What `openssl x509 -req -days 3652 -sha256 -CA customerCA.crt -CAkey customerCA.key -CAcreateserial`
 * does in initialize-cluster: the CSR's subject and key, no extensions at all, so not a CA.
 */
export function signCsrAsCustomer(csrPem: string, ca: CertificateAuthority, days = 3652): string {
  const csr = pki.certificationRequestFromPem(csrPem);
  if (!csr.publicKey) throw new Error('The CSR carries no public key');
  // SIM: OpenSSL 3.0 writes a v1 certificate; node-forge always writes v3, here without extensions, which
  // OpenSSL's chain checks treat the same way (fixtures/pki has a real `openssl x509 -req` one).
  return signCertificate(
    {
      subject: csr.subject.attributes,
      publicKeyPem: pki.publicKeyToPem(csr.publicKey),
      validity: validForDays(days),
      extensions: [],
    },
    signerOf(ca),
  );
}
