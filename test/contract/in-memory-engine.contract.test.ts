import { inMemoryEngineFactory } from '../../hsm-sim/engine/hsm-engine-factory';
import { engineContract } from './engine/engine.contract';

const open = inMemoryEngineFactory();

engineContract({ name: 'in-memory', open });
