// The published numbers a simulated HSM enforces (aws-behaviour 8.2, hsm1.medium); key limits by HSM type
// are in hsm-type-limits.ts.

export const NodeLimits = {
  // 8.2: users per cluster 1,024 [D 2023]; SIM: the current quota page says 250 for hsm1.medium
  maxUsers: 1024,
  // 7.4: after 5 consecutive incorrect logins the account is locked
  maxLoginFailures: 5,
  // 7.10: SDK 5 key-availability quorum, a new token key must be on 2 HSMs
  keyAvailabilityQuorum: 2,
  // SIM: PKCS#11 sets no bound on C_GenerateRandom; one request's bytes are bounded so a client cannot make the HSM allocate gigabytes
  maxRandomBytes: 65_536,
    // 7.5: the 2FA key pair is RSA-2048
  minTwoFactorModulusBits: 2048,
} as const;
