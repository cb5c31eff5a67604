// The library: `const { startSimulator } = require('cloudhsm-sim')`, for test suites that need a ready
// endpoint in one line.

import 'reflect-metadata';

export { startSimulator, type RunningSimulator, type SdkClientConfig, type StartSimulatorOptions } from './main/start-simulator';
export type { HealthView, PresetProgress } from './main/simulator-readiness';
export type { PresetClusterResult, PresetKeyResult, PresetResult, PresetStoreResult } from './presets/preset-result';
export { loadPresetFile, shippedPresetNames } from './presets/preset-file.loader';
export { PresetFileError } from './presets/preset-file.error';
