import { SoftHsmEngine } from '../../hsm-sim/engine/softhsm/softhsm-engine';
import { engineContract } from './engine/engine.contract';

engineContract({
  name: 'softhsm2',
  open: (directory) => SoftHsmEngine.open({ directory }),
});
