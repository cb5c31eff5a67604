import { tlsLeafExtensions } from './certificate-extensions';
import { signCertificate, signerOf } from './certificate-signer';
import { distinguishedName } from './distinguished-name';
import { type CertificateAuthority, type HsmSubject, type TlsIdentity } from './pki.types';
import { generateRsaKeyPair } from './rsa-key-pair';
import { validForYears } from './validity-period';

/** A fresh key pair and a TLS leaf for one HSM, named by its id and its ENI IP, signed by `ca`. */
export function createHsmIdentity(ca: CertificateAuthority, subject: HsmSubject): TlsIdentity {
  const keys = generateRsaKeyPair();
  const leafPem = signCertificate(
    {
      subject: distinguishedName(subject.hsmId),
      publicKeyPem: keys.publicKeyPem,
      validity: validForYears(10),
      extensions: tlsLeafExtensions(subject),
    },
    signerOf(ca),
  );
  return { keyPem: keys.privateKeyPem, certChainPem: leafPem + ca.certPem };
}
