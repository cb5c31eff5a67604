import { generateKeyPair, generateKeyPairSync, type RSAKeyPairOptions } from 'node:crypto';

export interface RsaKeyPair {
  publicKeyPem: string;
  privateKeyPem: string;
}

const OPTIONS: RSAKeyPairOptions<'pem', 'pem'> = {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
};

/** Key pairs generated ahead of need (prepareRsaKeyPairs); each is handed out once. */
const prepared: RsaKeyPair[] = [];

// node-forge writes X.509 certificates and CSRs for RSA keys only, so every key here is RSA; node:crypto
// generates it natively (forge's pure-JS generator takes seconds).
export function generateRsaKeyPair(): RsaKeyPair {
  const ready = prepared.shift();
  if (ready) return ready;
  const { publicKey, privateKey } = generateKeyPairSync('rsa', OPTIONS);
  return { publicKeyPem: publicKey, privateKeyPem: privateKey };
}

/**
 * Generates `count` key pairs in the thread pool, in parallel, for later generateRsaKeyPair() calls:
 * a start-up that knows it will need them (a preset: the hardware CA, an HSM identity, the cluster CSR)
 * takes them off its critical path. Resolves when they are ready.
 */
export async function prepareRsaKeyPairs(count: number): Promise<void> {
  const pairs = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<RsaKeyPair>((resolve, reject) =>
          generateKeyPair('rsa', OPTIONS, (error, publicKey, privateKey) => (error ? reject(error) : resolve({ publicKeyPem: publicKey, privateKeyPem: privateKey }))),
        ),
    ),
  );
  prepared.push(...pairs);
}
