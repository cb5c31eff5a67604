import { CA_EXTENSIONS } from './certificate-extensions';
import { signCertificate } from './certificate-signer';
import { distinguishedName, SIMULATOR_ORGANIZATION } from './distinguished-name';
import { type CertificateAuthority } from './pki.types';
import { generateRsaKeyPair } from './rsa-key-pair';
import { validForYears } from './validity-period';

// SIM: one root stands for both the manufacturer's root and AWS's issuing CA that certify a new HSM.
export function createHardwareCa(): CertificateAuthority {
  const keys = generateRsaKeyPair();
  const name = distinguishedName('cloudhsm-sim Hardware Root CA', SIMULATOR_ORGANIZATION);
  const certPem = signCertificate(
    { subject: name, publicKeyPem: keys.publicKeyPem, validity: validForYears(20), extensions: CA_EXTENSIONS },
    { name, keyPem: keys.privateKeyPem },
  );
  return { certPem, keyPem: keys.privateKeyPem };
}
