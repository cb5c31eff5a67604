import { signCertificate } from '../certificate-signer';
import { distinguishedName } from '../distinguished-name';
import { type CertificateAuthority } from '../pki.types';
import { generateRsaKeyPair } from '../rsa-key-pair';
import { validForYears } from '../validity-period';

/**
 * A customer's mistake: a self-signed certificate with basicConstraints cA:false (a server certificate)
 * used as if it were a CA. Its key still signs, so it can play the CertificateAuthority role in tests.
 */
export function createSelfSignedServerCertificate(commonName: string): CertificateAuthority {
  const keys = generateRsaKeyPair();
  const name = distinguishedName(commonName);
  const certPem = signCertificate(
    {
      subject: name,
      publicKeyPem: keys.publicKeyPem,
      validity: validForYears(10),
      extensions: [{ name: 'basicConstraints', critical: true, cA: false }],
    },
    { name, keyPem: keys.privateKeyPem },
  );
  return { certPem, keyPem: keys.privateKeyPem };
}
