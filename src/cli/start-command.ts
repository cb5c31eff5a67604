// `cloudhsm-sim start`: runs the simulator in the foreground: the AWS endpoint (CloudHSM V2 and the
// EC2 network view) and the HSM processes of every cluster, until Ctrl-C (SIGINT) or SIGTERM. With
// --preset, the endpoint answers first (/_sim/health "starting"), then the preset is applied and its
// ids printed, then "ready".

import { buildContainer } from '../main/container';
import { ControlPlane } from '../main/control-plane';
import { EngineSelfCheck } from '../main/engine-self-check';
import { warmUpForPreset } from '../main/preset-warm-up';
import { loadCredentialsFile } from '../main/credentials-file.loader';
import { AuthMode, loadSimulatorConfig } from '../main/simulator-config';
import { accessBannerLines } from './access-banner.format';
import { softHsmSetupAdvice } from '../main/softhsm-setup-advice';
import { loadPresetFile } from '../presets/preset-file.loader';
import { presetSummaryLines } from './preset-summary.format';

export async function startCommand(flags: Record<string, string>, print: (line: string) => void, warn: (line: string) => void = print): Promise<number> {
  const config = loadSimulatorConfig(flags);
  // Everything the simulator writes (database, keys, tokens, logs) is readable by its owner only.
  process.umask(0o077);
  const advice = softHsmSetupAdvice(config);
  if (advice) {
    advice.forEach(warn);
    return 1;
  }
  // A bad preset file stops here, before anything starts.
  const preset = config.preset ? await loadPresetFile(config.preset) : undefined;
  const [check] = await Promise.all([buildContainer(config).resolve(EngineSelfCheck).run(), warmUpForPreset(preset, config.dataDir)]);
  const accessKeys = config.auth === AuthMode.STRICT && config.credentialsFile ? loadCredentialsFile(config.credentialsFile) : undefined;
  const plane = await ControlPlane.start(config);
  print(`cloudhsm-sim: endpoint ${plane.url} (region ${config.region}, account ${config.accountId})`);
  accessBannerLines(config, accessKeys ? Object.keys(accessKeys).length : 0).forEach(print);
  print(`cloudhsm-sim: data directory ${config.dataDir}, time scale ${config.timeScale}, HSM engine ${check.engine}`);
  for (const subnet of plane.defaultSubnets()) {
    print(`cloudhsm-sim: default subnet ${subnet.subnetId}  ${subnet.availabilityZone}  ${subnet.cidrBlock}`);
  }
  for (const host of config.hsmHosts?.hosts ?? []) {
    print(`cloudhsm-sim: HSMs of ${host.availabilityZone} run on the HSM host ${host.host}:${host.port}`);
  }
  print(`cloudhsm-sim: try  aws --endpoint-url ${plane.url} --region ${config.region} cloudhsmv2 describe-clusters`);
  print(`cloudhsm-sim: web console ${plane.consoleUrl}`);
  if (preset) {
    try {
      presetSummaryLines(await plane.applyPreset(preset), plane.url).forEach(print);
    } catch (error) {
      warn(`cloudhsm-sim: preset ${preset.preset.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      await plane.stop();
      return 1;
    }
  }
  print('cloudhsm-sim: ready');

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  print('cloudhsm-sim: stopping');
  await plane.stop();
  return 0;
}
