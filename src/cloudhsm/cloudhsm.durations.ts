// How long AWS takes for the long transitions, before the time scale applies (SIM: typical values
// from the CloudHSM getting-started guide; AWS publishes no exact figures).

export const CloudHsmDurations = {
  createCluster: 60_000,
  createHsm: 5 * 60_000,
  initializeCluster: 2 * 60_000,
  deleteHsm: 2 * 60_000,
  deleteCluster: 60_000,
} as const;
