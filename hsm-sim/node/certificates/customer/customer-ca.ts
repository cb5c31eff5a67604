import { CA_EXTENSIONS } from '../certificate-extensions';
import { signCertificate } from '../certificate-signer';
import { distinguishedName } from '../distinguished-name';
import { type CertificateAuthority } from '../pki.types';
import { generateRsaKeyPair } from '../rsa-key-pair';
import { validForYears } from '../validity-period';

// initialize-cluster: the customer's self-signed RSA CA, whose certificate becomes the TrustAnchor.
export function createCustomerCa(commonName = 'customerCA'): CertificateAuthority {
  const keys = generateRsaKeyPair();
  const name = distinguishedName(commonName);
  const certPem = signCertificate(
    { subject: name, publicKeyPem: keys.publicKeyPem, validity: validForYears(10), extensions: CA_EXTENSIONS },
    { name, keyPem: keys.privateKeyPem },
  );
  return { certPem, keyPem: keys.privateKeyPem };
}
