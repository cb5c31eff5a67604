// Symbol tokens of the fault module's ports.

export const FaultTokens = {
  Seams: Symbol('FaultSeams'),
} as const;
