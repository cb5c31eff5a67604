// `cloudhsm-sim start`: runs the simulator in the foreground: the AWS endpoint (CloudHSM V2 and the
// EC2 network view) and the HSM processes of every cluster, until Ctrl-C (SIGINT) or SIGTERM.

import { buildContainer } from '../main/container';
import { ControlPlane } from '../main/control-plane';
import { EngineSelfCheck } from '../main/engine-self-check';
import { loadSimulatorConfig } from '../main/simulator-config';

export async function startCommand(flags: Record<string, string>, print: (line: string) => void): Promise<number> {
  const config = loadSimulatorConfig(flags);
  const check = await buildContainer(config).resolve(EngineSelfCheck).run();
  const plane = await ControlPlane.start(config);
  print(`cloudhsm-sim: endpoint ${plane.url} (region ${config.region}, account ${config.accountId})`);
  print(`cloudhsm-sim: data directory ${config.dataDir}, time scale ${config.timeScale}, HSM engine ${check.engine}`);
  for (const subnet of plane.defaultSubnets()) {
    print(`cloudhsm-sim: default subnet ${subnet.subnetId}  ${subnet.availabilityZone}  ${subnet.cidrBlock}`);
  }
  print(`cloudhsm-sim: try  aws --endpoint-url ${plane.url} --region ${config.region} cloudhsmv2 describe-clusters`);
  print(`cloudhsm-sim: web console ${plane.consoleUrl}`);

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  print('cloudhsm-sim: stopping');
  await plane.stop();
  return 0;
}
