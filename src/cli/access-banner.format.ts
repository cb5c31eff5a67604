// The start banner's lines on who may come in: the authentication mode, and a warning when the endpoint
// listens beyond loopback. The admin token itself is never printed.

import { AuthMode, isLoopbackHost, type SimulatorConfig } from '../main/simulator-config';

export function accessBannerLines(config: Pick<SimulatorConfig, 'host' | 'auth' | 'credentialsFile' | 'adminToken'>, accessKeyCount: number): string[] {
  const lines = [
    config.auth === AuthMode.STRICT
      ? `cloudhsm-sim: auth: strict (${accessKeyCount} access key${accessKeyCount === 1 ? '' : 's'} from ${config.credentialsFile ?? '?'})`
      : 'cloudhsm-sim: auth: lenient (any credentials)',
  ];
  if (!isLoopbackHost(config.host)) {
    lines.push(`cloudhsm-sim: listening on ${config.host}, beyond loopback: other hosts can reach this endpoint; /_sim/ admin routes need the admin token`);
  } else if (config.adminToken !== undefined) {
    lines.push('cloudhsm-sim: /_sim/ admin routes need the admin token');
  }
  return lines;
}
