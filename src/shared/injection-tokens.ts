// Symbol tokens for every injected port. Constructor parameters name them with @inject(Tokens.X).

export const Tokens = {
  Config: Symbol('SimulatorConfig'),
  Clock: Symbol('Clock'),
  Logger: Symbol('Logger'),
  HsmEngineFactory: Symbol('HsmEngineFactory'),
} as const;

export type InjectionToken = (typeof Tokens)[keyof typeof Tokens];
