// `cloudhsm-sim start`: loads the configuration, checks the HSM engine, and says what is running.
// The AWS endpoint (CloudHSM v2, EC2, KMS) is added by the control-plane work; until then start
// reports and exits.

import { buildContainer } from '../main/container';
import { EngineSelfCheck } from '../main/engine-self-check';
import { loadSimulatorConfig } from '../main/simulator-config';

export async function startCommand(flags: Record<string, string>, print: (line: string) => void): Promise<number> {
  const config = loadSimulatorConfig(flags);
  const container = buildContainer(config);
  const report = await container.resolve(EngineSelfCheck).run();
  print(`cloudhsm-sim: data directory ${config.dataDir}`);
  print(`cloudhsm-sim: HSM engine ${report.engine} ready (${report.tokens} token(s) in ${report.engineDirectory}, self-check ${report.roundTripMs} ms)`);
  print(`cloudhsm-sim: region ${config.region}, time scale ${config.timeScale}`);
  print(`cloudhsm-sim: the AWS endpoint on http://${config.host}:${config.port} is not built yet; nothing else is running.`);
  return 0;
}
