// Keys and certificates cross this module's boundary as PEM strings only; node-forge objects stay inside.

export interface CertificateAuthority {
  certPem: string;
  keyPem: string;
}

export interface TlsIdentity {
  keyPem: string;
  /** The leaf first, then its issuers, PEM concatenated: what `tls.createServer({ cert })` takes. */
  certChainPem: string;
}

export interface HsmSubject {
  hsmId: string;
  ip: string;
}

export interface ClusterCsr {
  csrPem: string;
  keyPem: string;
}

/** The cluster key pair and the certificate the customer signed for it (InitializeCluster's SignedCert). */
export interface ClusterCredentials {
  keyPem: string;
  certPem: string;
}

export type CertificateCheck = { ok: true } | { ok: false; reason: string };
