import { type HsmSubject } from './pki.types';

/** An extension as node-forge's `setExtensions` takes it: a name, flags and fields. */
export interface ExtensionSpec {
  name: string;
  critical?: boolean;
  [field: string]: unknown;
}

export const CA_EXTENSIONS: readonly ExtensionSpec[] = [
  { name: 'basicConstraints', critical: true, cA: true },
  { name: 'keyUsage', critical: true, keyCertSign: true, cRLSign: true },
  { name: 'subjectKeyIdentifier' },
];

const IP_ADDRESS = 7;
const DNS_NAME = 2;

export function tlsLeafExtensions(subject: HsmSubject): ExtensionSpec[] {
  return [
    { name: 'basicConstraints', critical: true, cA: false },
    { name: 'keyUsage', critical: true, digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true, clientAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: IP_ADDRESS, ip: subject.ip },
        { type: DNS_NAME, value: subject.hsmId },
      ],
    },
    { name: 'subjectKeyIdentifier' },
  ];
}
