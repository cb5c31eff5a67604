import { type pki } from 'node-forge';

export const SIMULATOR_ORGANIZATION = 'cloudhsm-sim';

export function distinguishedName(commonName: string, organization?: string): pki.CertificateField[] {
  const attributes: pki.CertificateField[] = [{ shortName: 'CN', value: commonName }];
  if (organization !== undefined) attributes.push({ shortName: 'O', value: organization });
  return attributes;
}
