// Injection tokens of the presets.

export const PresetTokens = {
  AppliedPresets: Symbol('AppliedPresetRepository'),
} as const;
