import { md, pki } from 'node-forge';
import { distinguishedName, SIMULATOR_ORGANIZATION } from './distinguished-name';
import { withLfLineEndings } from './pem-line-endings';
import { type ClusterCsr } from './pki.types';
import { generateRsaKeyPair } from './rsa-key-pair';

// initialize-cluster: the first HSM of a cluster creates the cluster key pair and its CSR (ClusterCsr).
export function createClusterCsr(clusterId: string): ClusterCsr {
  const keys = generateRsaKeyPair();
  const csr = pki.createCertificationRequest();
  csr.publicKey = pki.publicKeyFromPem(keys.publicKeyPem);
  csr.setSubject(distinguishedName(clusterId, SIMULATOR_ORGANIZATION));
  csr.sign(pki.privateKeyFromPem(keys.privateKeyPem), md.sha256.create());
  return { csrPem: withLfLineEndings(pki.certificationRequestToPem(csr)), keyPem: keys.privateKeyPem };
}
