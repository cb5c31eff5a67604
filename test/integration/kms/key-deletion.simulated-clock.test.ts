// Over the wire, with the AWS SDK v3 and the /_sim/clock routes: at time scale 0 a key scheduled for
// deletion stays PendingDeletion until the simulated clock is advanced past its window, and the clock's
// offset survives a restart of the simulator.

import { CancelKeyDeletionCommand, CreateKeyCommand, DescribeKeyCommand, KMSClient, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { clockCommand } from '../../../src/cli/clock-command';
import { ControlPlane } from '../../../src/main/control-plane';
import { createTempDir, removeTempDir } from '../../support/temp-dir';
import { testConfig } from '../../support/test-container';

const DAY_SECONDS = 24 * 60 * 60;

interface ClockAnswer {
  readonly now: string;
  readonly offsetSeconds: number;
  readonly fired?: number;
  readonly message?: string;
}

describe('KMS key deletion on the simulated clock, over the wire', () => {
  let dataDir: string;
  let plane: ControlPlane;
  let kms: KMSClient;

  const start = async (): Promise<void> => {
    plane = await ControlPlane.start(testConfig(dataDir, { region: 'us-east-2', logLevel: 'error' }));
    kms = new KMSClient({ endpoint: plane.url, region: 'us-east-2', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
  };
  const clock = async (): Promise<ClockAnswer> => (await (await fetch(`${plane.url}/_sim/clock`)).json()) as ClockAnswer;
  const advance = async (body: unknown): Promise<{ status: number; answer: ClockAnswer }> => {
    const response = await fetch(`${plane.url}/_sim/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, answer: (await response.json()) as ClockAnswer };
  };
  const keyState = async (keyId: string): Promise<string | undefined> => (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.KeyState;

  beforeEach(async () => {
    dataDir = createTempDir('clock');
    await start();
  });
  afterEach(async () => {
    kms.destroy();
    await plane.stop();
    removeTempDir(dataDir);
  });

  it('holds a 7-day window at time scale 0 until the clock is advanced 7 days, then DescribeKey is NotFoundException', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const keyId = KeyMetadata!.KeyId!;
    const before = await clock();
    const { DeletionDate } = await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    expect(DeletionDate!.getTime() - Date.parse(before.now)).to.be.within(7 * DAY_SECONDS * 1000, 7 * DAY_SECONDS * 1000 + 5000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await keyState(keyId)).to.equal('PendingDeletion');

    const sixDays = await advance({ seconds: 6 * DAY_SECONDS });
    expect(sixDays.status).to.equal(200);
    // The daily backup run, once per simulated day (there is no cluster to back up).
    expect(sixDays.answer.fired).to.equal(6);
    expect(await keyState(keyId)).to.equal('PendingDeletion');

    const oneMore = await advance({ seconds: DAY_SECONDS });
    expect(oneMore.answer.fired).to.equal(2);
    let failure: unknown;
    await kms.send(new DescribeKeyCommand({ KeyId: keyId })).catch((error: unknown) => (failure = error));
    expect((failure as Error | undefined)?.name).to.equal('NotFoundException');

    const after = await clock();
    expect(after.offsetSeconds).to.be.closeTo(7 * DAY_SECONDS, 1);
    expect(Date.parse(after.now) - Date.parse(before.now)).to.be.within(7 * DAY_SECONDS * 1000, 7 * DAY_SECONDS * 1000 + 5000);
  });

  it('keeps a key whose deletion is cancelled within the window', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const keyId = KeyMetadata!.KeyId!;
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    await advance({ seconds: 3 * DAY_SECONDS });
    await kms.send(new CancelKeyDeletionCommand({ KeyId: keyId }));
    await advance({ seconds: 30 * DAY_SECONDS });
    expect(await keyState(keyId)).to.equal('Disabled');
  });

  it('answers 400 naming what is valid for a bad advance, and changes nothing', async () => {
    for (const body of [{ seconds: 0 }, { seconds: -5 }, { seconds: '7d' }, {}, [1], { seconds: 1e300 }]) {
      const { status, answer } = await advance(body);
      expect(status, JSON.stringify(body)).to.equal(400);
      expect(answer.message).to.match(/^the body must be \{"seconds": N\} with N a number greater than 0/);
    }
    expect((await clock()).offsetSeconds).to.equal(0);
  });

  it('keeps the advanced time and a running window across a restart', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const keyId = KeyMetadata!.KeyId!;
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 30 }));
    await advance({ seconds: 10 * DAY_SECONDS });
    const before = Date.parse((await clock()).now);
    kms.destroy();
    await plane.stop();

    await start();
    const after = await clock();
    expect(after.offsetSeconds).to.be.closeTo(10 * DAY_SECONDS, 1);
    expect(Date.parse(after.now)).to.be.at.least(before);
    expect(await keyState(keyId)).to.equal('PendingDeletion');
    await advance({ seconds: 20 * DAY_SECONDS });
    let failure: unknown;
    await kms.send(new DescribeKeyCommand({ KeyId: keyId })).catch((error: unknown) => (failure = error));
    expect((failure as Error | undefined)?.name).to.equal('NotFoundException');
  });

  it('is read and advanced by `cloudhsm-sim clock`', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const print = (line: string): number => out.push(line);
    const printError = (line: string): number => err.push(line);
    expect(await clockCommand(['now'], { endpoint: plane.url }, print, printError)).to.equal(0);
    const start = Date.parse(out[0]!);
    expect(await clockCommand(['advance', '2h'], { endpoint: plane.url }, print, printError)).to.equal(0);
    expect(out[1]).to.match(/^\S+Z {2}\(advanced 2h; 0 scheduled tasks ran\)$/);
    expect(Date.parse(out[1]!.split(' ')[0]!) - start).to.be.within(2 * 3_600_000, 2 * 3_600_000 + 5000);
    expect(err).to.deep.equal([]);
  });
});
