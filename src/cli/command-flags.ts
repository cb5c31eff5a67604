// Each command's flags as a table: its --help text, and the check that refuses an unknown flag or a
// stray argument with a message that names the valid ones.

export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  /** Flag name (without --) -> "VALUE  what it does"; every command also takes --help. */
  readonly flags: Readonly<Record<string, string>>;
}

export const START_SPEC: CommandSpec = {
  name: 'start',
  summary: 'run the simulator in the foreground (AWS endpoint and HSM processes) until Ctrl-C',
  flags: {
    'data-dir': 'DIR  where state lives (CLOUDHSM_SIM_DATA_DIR; default ~/.cloudhsm-sim)',
    port: 'P  the AWS endpoint port, 0 for a free one (CLOUDHSM_SIM_PORT; default 4580)',
    host: 'ADDRESS  the address to listen on (CLOUDHSM_SIM_HOST; default 127.0.0.1); beyond loopback it needs --admin-token',
    'admin-token': 'TOKEN  required of /_sim/ admin requests as Authorization: Bearer TOKEN or X-Sim-Admin-Token (CLOUDHSM_SIM_ADMIN_TOKEN)',
    auth: 'lenient|strict  lenient: any credentials; strict: SigV4 verified against --credentials (CLOUDHSM_SIM_AUTH; default lenient)',
    credentials: 'FILE  the access keys of --auth strict: JSON or ~/.aws/credentials-like INI (CLOUDHSM_SIM_CREDENTIALS)',
    'time-scale': 'S  provisioning and connection durations: 0 instant, 1 AWS-like (CLOUDHSM_SIM_TIME_SCALE; default 0.01)',
    region: 'R  the Region of unsigned requests (AWS_DEFAULT_REGION; default us-east-1)',
    'account-id': 'ID  12 digits (CLOUDHSM_SIM_ACCOUNT_ID; default 111122223333)',
    'hsm-ports': 'standard|ephemeral  HSMs on 2223-2225 of their own address, or system-chosen ports (CLOUDHSM_SIM_HSM_PORTS)',
    engine: 'softhsm|in-memory  the HSM engine (CLOUDHSM_SIM_ENGINE; default softhsm)',
    'softhsm-library': 'PATH  libsofthsm2.so (SOFTHSM2_LIB)',
    'key-store-request-rate': 'N  crypto requests per second per custom key store, 0 no limit (CLOUDHSM_SIM_KEY_STORE_REQUEST_RATE; default 1800)',
    'log-level': 'debug|info|warn|error  (CLOUDHSM_SIM_LOG_LEVEL; default info)',
    'fault-layer': 'on|off  the fault seams in the HSM processes; off only to measure their cost (CLOUDHSM_SIM_FAULT_LAYER; default on)',
    'hsm-host': 'az=ZONE,addr=HOST[:PORT]  run the HSMs of ZONE on the HSM host agent at HOST (default port 7400); repeatable',
    'hsm-hosts': 'FILE  a JSON list of {"availabilityZone", "address"}, as many --hsm-host (CLOUDHSM_SIM_HSM_HOSTS)',
    'hsm-host-token-file': 'FILE  the token the HSM host agents were given (or CLOUDHSM_SIM_HOST_TOKEN)',
    preset: 'NAME|FILE  build what a preset describes, e.g. seed: an ACTIVE 2-HSM cluster and a CONNECTED custom key store (CLOUDHSM_SIM_PRESET)',
  },
};

export const HSM_CLUSTER_SPEC: CommandSpec = {
  name: 'hsm-cluster',
  summary: "run a cluster's HSM processes on ports 2223-2225 until Ctrl-C",
  flags: {
    hsms: 'N  how many HSMs, 1-28 (default 3)',
    'data-dir': 'DIR  where state lives; the cluster is in DIR/hsm-cluster (default ~/.cloudhsm-sim)',
    engine: 'softhsm|in-memory  the HSM engine (default softhsm)',
    'softhsm-library': 'PATH  libsofthsm2.so (SOFTHSM2_LIB)',
  },
};

export const HSM_HOST_SPEC: CommandSpec = {
  name: 'hsm-host',
  summary: 'run an HSM host agent: it starts the HSMs the control plane places on this host (start --hsm-host), until Ctrl-C',
  flags: {
    listen: 'ADDRESS:PORT  where the control plane reaches this agent (default 0.0.0.0:7400)',
    'data-dir': 'DIR  where the HSMs of this host keep their tokens and state (CLOUDHSM_SIM_DATA_DIR; default ~/.cloudhsm-sim-host)',
    'token-file': 'FILE  the shared token, at least 16 characters (or CLOUDHSM_SIM_HOST_TOKEN); required',
    advertise: 'ADDRESS  the address HSMs listen on and clients use (default: the address the control plane reached)',
    'softhsm-library': 'PATH  libsofthsm2.so on this host (SOFTHSM2_LIB)',
  },
};

export const TOUR_SPEC: CommandSpec = {
  name: 'tour',
  summary: 'walk the seed procedure against a running simulator, step by step',
  flags: {
    endpoint: 'URL  the simulator (default http://127.0.0.1:4580)',
    region: 'R  the Region to build in (default us-east-2)',
    'work-dir': 'DIR  where the certificates and CSRs go (default a new temporary folder)',
    pause: 'wait for Enter after each step',
  },
};

export const WAIT_READY_SPEC: CommandSpec = {
  name: 'wait-ready',
  summary: 'wait until a simulator answers GET /_sim/health with status "ready" (exit 0), or time out (exit 1)',
  flags: {
    endpoint: 'URL  the simulator (default http://127.0.0.1:4580)',
    timeout: 'SECONDS  how long to wait (default 60)',
  },
};

export function commandHelp(spec: CommandSpec): string {
  const lines = Object.entries({ ...spec.flags, help: 'this text' }).map(([name, text]) => `  --${name} ${text}`);
  return [`usage: cloudhsm-sim ${spec.name} [flags]`, '', `${spec.summary}.`, '', 'flags:', ...lines].join('\n');
}

/** undefined when the arguments are valid; otherwise what is wrong, naming what is valid. */
export function flagProblem(spec: CommandSpec, positional: readonly string[], flags: Readonly<Record<string, string>>): string | undefined {
  const valid = [...Object.keys(spec.flags), 'help'];
  const unknown = Object.keys(flags).filter((name) => !valid.includes(name));
  if (unknown.length) {
    return `unknown flag${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `--${name}`).join(', ')}; the flags of ${spec.name} are ${valid.map((name) => `--${name}`).join(', ')}`;
  }
  if (positional.length) return `${spec.name} takes no arguments, not "${positional.join(' ')}"; its flags are ${valid.map((name) => `--${name}`).join(', ')}`;
  return undefined;
}

/** --help prints the help; bad flags print the problem and exit 2; otherwise runs the command. */
export async function runWithFlags(
  spec: CommandSpec,
  positional: readonly string[],
  flags: Readonly<Record<string, string>>,
  print: (line: string) => void,
  warn: (line: string) => void,
  run: () => Promise<number>,
): Promise<number> {
  if (flags['help'] !== undefined) {
    print(commandHelp(spec));
    return 0;
  }
  const problem = flagProblem(spec, positional, flags);
  if (problem) {
    warn(`cloudhsm-sim ${spec.name}: ${problem} (cloudhsm-sim ${spec.name} --help)`);
    return 2;
  }
  return run();
}
