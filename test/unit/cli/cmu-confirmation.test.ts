import { expect } from 'chai';
import { cmuCommand } from '../../../src/cli/cmu/cmu-command.types';
import { CmuSession } from '../../../src/cli/cmu/cmu-session';
import { runCmuShell } from '../../../src/cli/cmu/cmu-shell';
import { CAUTION_BANNER } from '../../../src/cli/cmu/caution-banner.format';
import { ScriptedIo } from './scripted-io';

describe('cmu: confirmation of mutating commands and the read-run loop (7.7)', () => {
  const ran: string[] = [];
  const commands = [
    cmuCommand<string>({ name: 'changeThings', usage: 'changeThings <what>', mutating: true, parse: ([what = '']) => what, run: async (_session, what) => void ran.push(what) }),
    cmuCommand<void>({ name: 'quit', usage: 'quit', mutating: false, parse: () => undefined, run: async (session) => session.quit() }),
  ];

  beforeEach(() => {
    ran.length = 0;
  });

  async function shell(lines: string[], interactive = false): Promise<ScriptedIo> {
    const io = new ScriptedIo(lines, interactive);
    await runCmuShell(new CmuSession([], io), commands);
    return io;
  }

  it("runs after 'y' and prints the CAUTION banner and question first", async () => {
    const io = await shell(['changeThings a', 'y', 'quit', 'changeThings never']);
    expect(ran).to.deep.equal(['a']);
    expect(io.printed).to.deep.equal([...CAUTION_BANNER, 'Do you want to continue(y/n)?']);
  });

  it("cancels on 'n', on anything but y/yes, and at the end of the input", async () => {
    const io = await shell(['changeThings a', 'n', 'changeThings b', 'sure', 'changeThings c']);
    expect(ran).to.deep.equal([]);
    expect(io.printed.filter((line) => line === 'changeThings cancelled: no HSM was changed')).to.have.length(3);
  });

  it('accepts Y and yes', async () => {
    await shell(['changeThings a', 'Y', 'changeThings b', ' yes ']);
    expect(ran).to.deep.equal(['a', 'b']);
  });

  it('prompts on a terminal and asks there instead of printing the question', async () => {
    const io = await shell(['changeThings a', 'y'], true);
    expect(io.prompts).to.deep.equal(['aws-cloudhsm> ', 'Do you want to continue(y/n)? ', 'aws-cloudhsm> ']);
    expect(io.printed).not.to.include('Do you want to continue(y/n)?');
  });

  it('prints a usage error and goes on with the next line', async () => {
    const io = await shell(['nonsense', 'changeThings a', 'y']);
    expect(io.printed[0]).to.equal('Error: unknown command "nonsense": type help for the list of commands');
    expect(ran).to.deep.equal(['a']);
  });
});
