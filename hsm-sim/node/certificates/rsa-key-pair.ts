import { generateKeyPairSync } from 'node:crypto';

export interface RsaKeyPair {
  publicKeyPem: string;
  privateKeyPem: string;
}

// node-forge writes X.509 certificates and CSRs for RSA keys only, so every key here is RSA; node:crypto
// generates it natively (forge's pure-JS generator takes seconds).
export function generateRsaKeyPair(): RsaKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKeyPem: publicKey, privateKeyPem: privateKey };
}
